/**
 * A mistake in the user's input or configuration: it names the file or input and says how to fix it.
 * It is reported as a message, never with a stack trace. Anything else thrown is a bug.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** File or input the problem is in, when there is one. */
  readonly file?: string;
  /** 1-based line in that file, when known. */
  readonly line?: number;

  constructor(message: string, where: { file?: string; line?: number } = {}) {
    super(message);
    if (where.file !== undefined) this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
  }

  /** `file:line: message`, as compilers print it. */
  override toString(): string {
    const at = this.file === undefined ? '' : this.line === undefined ? `${this.file}: ` : `${this.file}:${this.line}: `;
    return `${at}${this.message}`;
  }
}

/** Several user errors found in one pass (a reader collects every problem of a file). */
export class UserErrors extends Error {
  override readonly name = 'UserErrors';
  readonly errors: readonly UserError[];
  constructor(errors: readonly UserError[]) {
    super(errors.map((e) => e.toString()).join('\n'));
    this.errors = errors;
  }
}
