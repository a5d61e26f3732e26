/** Small guards for reading untrusted JSON from the stream without `any`. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, or undefined: ids and messages that are blank mean nothing. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An error's text, whether the backend sent it as a bare string or as `{ message }`. */
export function messageOf(value: unknown): string | undefined {
  if (isRecord(value)) return nonEmptyString(value.message);
  return nonEmptyString(value);
}
