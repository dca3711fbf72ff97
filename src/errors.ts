/**
 * A mistake in the user's input, configuration or environment that the user can fix: it names the
 * file, input or service and says how to fix it. It is reported as a message, never with a stack
 * trace. Anything else thrown is a bug and keeps its stack.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
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

  /** The single problems this error stands for: itself, or each problem of a `UserErrors`. */
  get problems(): readonly UserError[] {
    return [this];
  }
}

/** Several user errors found in one pass (a reader collects every problem of a file). */
export class UserErrors extends UserError {
  override readonly name: string = 'UserErrors';
  readonly errors: readonly UserError[];
  constructor(errors: readonly UserError[]) {
    super(errors.map((e) => e.toString()).join('\n'));
    this.errors = errors;
  }

  override get problems(): readonly UserError[] {
    return this.errors;
  }
}

/** Whether `e` is the user's to fix (a `UserError`, one or several): the one test callers make. */
export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
