/** Structured fields attached to a log line. Never put secrets here; the runtime redacts known ones. */
export type LogFieldsV1 = Readonly<Record<string, unknown>>;

/** A structured logger (pino, winston and console all fit with a thin wrapper). */
export type LoggerV1 = {
  debug(message: string, fields?: LogFieldsV1): void;
  info(message: string, fields?: LogFieldsV1): void;
  warn(message: string, fields?: LogFieldsV1): void;
  error(message: string, fields?: LogFieldsV1): void;
};
