/**
 * change-summary.md: what changed since the previous release, for the significant-change decision
 * (MDCG 2020-3) and, when significant, for the notified body: the commits, the controlled documents,
 * the requirements and anomalies changed, the questions with what the gate sees, the decision and the
 * executive summary. Pure; every piece of repository text is escaped, except the executive summary,
 * which is the team's own Markdown and quoted as written.
 */
import type { DecisionState, DocumentChange, ReleaseRecord, RequirementChange } from '../model/index.js';
import { escapeMarkdownInline as escapeMarkdown } from './escape.js';

/** Who the record is about: the repository (owner/name) when known. */
export interface RecordHeading {
  readonly repository?: string;
}

const DOCUMENT_STATUS: Record<DocumentChange['status'], string> = { added: 'Added', modified: 'Modified', deleted: 'Deleted', renamed: 'Renamed' };

/**
 * The questions of MDCG 2020-3 (chart C, software) and the words in a changed document's path that
 * point at each; the gate shows those documents as signals and never answers.
 */
export const MDCG_QUESTIONS: readonly { readonly question: string; readonly words: readonly string[] }[] = [
  { question: 'New or major change of the operating system or of a component (SOUP, third-party software)?', words: ['soup', 'sbom', 'component', 'dependenc', 'third-party', 'os'] },
  { question: 'New or changed architecture, algorithm or database structure?', words: ['architect', 'design', 'algorithm', 'database', 'schema', 'sdd'] },
  { question: 'Does a new closed-loop algorithm replace an input of the user?', words: ['closed-loop', 'closed loop', 'algorithm', 'automat', 'control'] },
  { question: 'New diagnostic or therapeutic feature, or new interoperability channel?', words: ['feature', 'diagnos', 'therap', 'interface', 'interop', 'protocol', 'requirement', 'srs'] },
  { question: 'New user interface or new presentation of data?', words: ['ui', 'user-interface', 'usability', 'display', 'screen', 'ux', 'human-factors'] },
];

export function renderChangeSummary(record: ReleaseRecord, heading: RecordHeading = {}): string {
  const out: string[] = [];
  const history = record.history;
  const title = [heading.repository, record.version].filter((p) => p !== undefined).map((p) => escapeMarkdown(p)).join(' ');
  out.push(`# Change summary${title === '' ? '' : `: ${title}`}`, '');
  out.push('What changed since the previous release, for the decision whether this release is a significant change (MDCG 2020-3) and, when it is, for the notified body.', '');

  if (history === undefined) {
    out.push(`**The change history could not be read:** ${escapeMarkdown(record.historyProblem ?? 'no Git history')}`, '');
  } else {
    out.push('| | |', '| --- | --- |');
    out.push(`| This release | ${record.version === undefined ? 'untagged' : escapeMarkdown(record.version)}, commit ${history.head} |`);
    out.push(
      history.previous === undefined
        ? '| Previous release | none: this is the first release (no version tag before HEAD) |'
        : `| Previous release | ${escapeMarkdown(history.previous.tag)}, commit ${history.previous.commit}, ${escapeMarkdown(history.previous.date)} |`,
    );
    out.push('');
    const total = history.commits.length + history.moreCommits;
    out.push(`## Commits ${history.previous === undefined ? 'in this first release' : `since ${escapeMarkdown(history.previous.tag)}`} (${total})`, '');
    if (total === 0) out.push('None.');
    for (const c of history.commits) out.push(`- ${c.sha.slice(0, 12)} ${escapeMarkdown(c.subject)}`);
    if (history.moreCommits > 0) out.push(`- … and ${history.moreCommits} older commits (\`git log ${history.previous?.commit.slice(0, 12) ?? ''}..${history.head.slice(0, 12)}\`)`);
    out.push('');
    out.push(`## Controlled documents (${history.documents.length} changed)`, '');
    out.push(`Matched by ${history.documentGlobs.map((g) => escapeMarkdown(g)).join(', ')}; documents not listed are unchanged${history.previous === undefined ? ' (a first release lists every document as added)' : ''}.`, '');
    if (history.documents.length > 0) {
      out.push('| Change | Document |', '| --- | --- |');
      for (const d of history.documents) out.push(`| ${DOCUMENT_STATUS[d.status]} | ${d.from === undefined ? '' : `${escapeMarkdown(d.from)} → `}${escapeMarkdown(d.path)} |`);
      out.push('');
    }
  }

  out.push('## Requirements', '');
  if (record.requirements === undefined) out.push(history?.previous === undefined ? 'No previous release to compare with.' : 'Not compared (see the notes below).', '');
  else renderRequirementChanges(record.requirements, out);
  renderSuspects(record, out);

  out.push('## Anomalies', '');
  if (record.anomalies === undefined) out.push(history?.previous === undefined ? 'No previous release to compare with.' : 'Not compared: no anomaly list file, or see the notes below.', '');
  else if (record.anomalies.length === 0) out.push('No anomaly was opened, closed or changed.', '');
  else {
    out.push('| ID | Title | Change | Status before | Status now | Fields changed |', '| --- | --- | --- | --- | --- | --- |');
    for (const a of record.anomalies) {
      out.push(`| ${escapeMarkdown(a.id)} | ${escapeMarkdown(a.title)} | ${a.kind} | ${a.oldStatus ?? '(new)'} | ${a.newStatus ?? '(removed)'} | ${escapeMarkdown(a.fields.join(', '))} |`);
    }
    out.push('');
  }

  renderSoupChanges(record, out);

  out.push('## Significant change questions (MDCG 2020-3)', '');
  out.push(`The gate never answers these questions: the decision does. ${decisionLine(record.decision)}`, '');
  out.push('| Question | What the gate sees |', '| --- | --- |');
  for (const q of MDCG_QUESTIONS) out.push(`| ${escapeMarkdown(q.question)} | ${signals(record, q.words, q === MDCG_QUESTIONS[0])} |`);
  out.push('');

  out.push('## Decision', '');
  out.push(...decisionBlock(record.decision), '');

  out.push('## Executive summary', '');
  if (record.executiveSummary === undefined) {
    out.push('> **PLACEHOLDER: no executive summary was given** (input `executive-summary`). A significant change needs one for the notified body: write it in a Markdown file and name it in the input.', '');
  } else {
    out.push(`From ${escapeMarkdown(record.executiveSummary.file)}:`, '', record.executiveSummary.text.trim(), '');
  }

  if (record.notes.length > 0) {
    out.push('## Notes', '');
    for (const n of record.notes) out.push(`- ${escapeMarkdown(n)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function renderRequirementChanges(changes: readonly RequirementChange[], out: string[]): void {
  const of = (kind: RequirementChange['kind']): RequirementChange[] => changes.filter((c) => c.kind === kind);
  if (changes.length === 0) {
    out.push('No requirement was added, removed or changed.', '');
    return;
  }
  const added = of('added');
  const changed = of('changed');
  const removed = of('removed');
  out.push(`### Added (${added.length})`, '');
  if (added.length > 0) {
    out.push('| ID | Text |', '| --- | --- |');
    for (const c of added) out.push(`| ${escapeMarkdown(c.id)} | ${escapeMarkdown(c.newText ?? '')} |`);
  } else out.push('None.');
  out.push('', `### Changed (${changed.length})`, '');
  if (changed.length > 0) {
    out.push('| ID | Text at the previous release | Text now |', '| --- | --- | --- |');
    for (const c of changed) out.push(`| ${escapeMarkdown(c.id)} | ${escapeMarkdown(c.oldText ?? '')} | ${escapeMarkdown(c.newText ?? '')} |`);
  } else out.push('None.');
  out.push('', `### Removed (${removed.length})`, '');
  if (removed.length > 0) {
    out.push('| ID | Text at the previous release |', '| --- | --- |');
    for (const c of removed) out.push(`| ${escapeMarkdown(c.id)} | ${escapeMarkdown(c.oldText ?? '')} |`);
  } else out.push('None.');
  out.push('');
}

/** SOUP added, removed and upgraded since the previous release; a major upgrade is marked for the first question. */
function renderSoupChanges(record: ReleaseRecord, out: string[]): void {
  if (record.soupChanges === undefined && record.soup === undefined) return;
  out.push('## SOUP', '');
  const soup = record.soup;
  if (soup === undefined) {
    out.push('Not compared with the previous release (no previous release, or see the notes below).', '');
    return;
  }
  if (soup.added.length + soup.removed.length + soup.upgraded.length === 0) {
    out.push('No SOUP component was added, removed or changed version.', '');
    return;
  }
  out.push('| Change | Component | Version before | Version now |', '| --- | --- | --- | --- |');
  for (const a of soup.added) out.push(`| added | ${escapeMarkdown(a.name)} | | ${escapeMarkdown(a.version)} |`);
  for (const u of soup.upgraded) {
    const kind = u.downgrade ? (u.major ? '**major downgrade**' : 'downgrade') : u.major ? '**major upgrade**' : 'upgrade';
    out.push(`| ${kind} | ${escapeMarkdown(u.name)} | ${escapeMarkdown(u.from)} | ${escapeMarkdown(u.to)} |`);
  }
  for (const r of soup.removed) out.push(`| removed | ${escapeMarkdown(r.name)} | ${escapeMarkdown(r.version)} | |`);
  out.push('');
}

function renderSuspects(record: ReleaseRecord, out: string[]): void {
  if (record.suspects === undefined || record.suspects.length === 0) return;
  out.push(`### Suspect requirements (${record.suspects.length})`, '');
  out.push('Their text changed while none of their tests’ files did: the tests may still verify the old text. Review them.', '');
  out.push('| ID | Test files (unchanged) |', '| --- | --- |');
  for (const s of record.suspects) out.push(`| ${escapeMarkdown(s.id)} | ${escapeMarkdown(s.testFiles.join(', '))} |`);
  out.push('');
}

/** The changed controlled documents whose path holds one of the words, and for the first question the SOUP hook. */
function signals(record: ReleaseRecord, words: readonly string[], soup: boolean): string {
  const parts: string[] = [];
  if (soup) {
    parts.push(
      record.soupChanges === undefined
        ? 'SOUP not checked (no SOUP input): major upgrades of components are not seen'
        : record.soupChanges.length === 0
          ? 'no major SOUP upgrade'
          : `major SOUP upgrades: ${record.soupChanges.map((s) => escapeMarkdown(s)).join('; ')}`,
    );
  }
  const docs = record.history?.documents ?? [];
  const hit = docs.filter((d) => words.some((w) => pathWords(d.path).some((p) => p.includes(w))));
  if (hit.length > 0) parts.push(`documents changed: ${hit.map((d) => `${escapeMarkdown(d.path)} (${d.status})`).join(', ')}`);
  else parts.push(docs.length === 0 ? 'no controlled document changed' : 'no changed document names this topic');
  return parts.join('; ');
}

function pathWords(p: string): string[] {
  return p.toLowerCase().split(/[/._]+/);
}

function decisionLine(decision: DecisionState): string {
  switch (decision.state) {
    case 'not-configured':
      return '**Undecided:** no decision was given (input `change-decision`).';
    case 'invalid':
      return `**Undecided:** the decision ${escapeMarkdown(decision.file)} is incomplete (see below).`;
    case 'decided':
      return `Decided: ${decision.decision.significant ? '**a significant change**' : '**not a significant change**'} (see below).`;
  }
}

/** The decision as a table, or why there is none; also used by the checklist. */
export function decisionBlock(decision: DecisionState): string[] {
  switch (decision.state) {
    case 'not-configured':
      return ['**Undecided.** No significant-change decision was given (input `change-decision`): the gate warned.'];
    case 'invalid':
      return [`**Undecided.** The decision ${escapeMarkdown(decision.file)} does not decide, so the gate failed:`, '', ...decision.problems.map((p) => `- ${escapeMarkdown(p)}`)];
    case 'decided': {
      const d = decision.decision;
      return [
        `From ${escapeMarkdown(d.file)}:`,
        '',
        '| Field | Value |',
        '| --- | --- |',
        `| Significant change | ${d.significant ? 'yes' : 'no'} |`,
        `| Rationale | ${escapeMarkdown(d.rationale)} |`,
        `| Decided by | ${escapeMarkdown(d.decidedBy)} |`,
        `| Date | ${escapeMarkdown(d.date)} |`,
        `| Notified body approval | ${d.approval === undefined ? 'not needed (not significant)' : escapeMarkdown(d.approval)} |`,
      ];
    }
  }
}
