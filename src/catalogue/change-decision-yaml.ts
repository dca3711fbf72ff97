/**
 * The fields of a significant-change decision written in YAML: a mapping of the fields
 * (`Significant change: yes`, `Decided by: ...`). Loaded only for a decision in YAML. Pure.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { UserError } from '../errors.js';
import { FieldCollector, type FoundFields } from './change-decision.js';

export function yamlDecisionFields(file: string, text: string): FoundFields {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const lineAt = (offset: number | undefined): number => lineCounter.linePos(Math.min(offset ?? 0, Math.max(text.length - 1, 0))).line;
  const error = doc.errors[0];
  if (error !== undefined) throw new UserError(`the significant-change decision is not valid YAML: ${error.message.split('\n')[0]}`, { file, line: lineAt(error.pos[0]) });
  if (!isMap(doc.contents)) throw new UserError('the significant-change decision must be a YAML mapping of its fields ("Significant change: no", "Rationale: ...", "Decided by: ...", "Date: YYYY-MM-DD")', { file });
  const collector = new FieldCollector();
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const line = lineAt(pair.key.range?.[0]);
    const v = pair.value;
    // A boolean (`yes` in YAML 1.1 habits, `true`) and a date stay as written; a list or mapping is no field value.
    const value = v === null ? '' : isScalar(v) ? (v.source ?? String(v.value ?? '')) : undefined;
    if (value === undefined) {
      if (collector.add(String(pair.key.value), '', line)) throw new UserError(`"${String(pair.key.value)}" must be a single value, not a list or mapping`, { file, line });
      continue;
    }
    collector.add(String(pair.key.value), typeof value === 'string' ? value : String(value), line);
  }
  return collector.result();
}
