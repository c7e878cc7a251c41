import { DealScoutError } from './deal-scout-error';

/** One problem found in an input, addressed by its path (`price.amount`, `keywords[0]`). */
export type ValidationIssue = { field: string; message: string };

/** Bad input. `field` names the first offending path; `issues` lists every problem found. */
export class ValidationError extends DealScoutError {
  readonly field: string;
  readonly issues: readonly ValidationIssue[];

  constructor(options: { issues: ValidationIssue[]; source?: string; cause?: unknown; subject?: string }) {
    const [first] = options.issues;
    const field = first?.field ?? '(input)';
    const more = options.issues.length > 1 ? ` (+${options.issues.length - 1} more)` : '';
    super({
      code: 'VALIDATION_FAILED',
      message: `Invalid ${options.subject ?? 'input'}: ${field}: ${first?.message ?? 'is invalid'}${more}`,
      source: options.source,
      cause: options.cause,
    });
    this.name = 'ValidationError';
    this.field = field;
    this.issues = options.issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, issues: this.issues };
  }
}
