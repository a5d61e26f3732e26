// Object-valued properties a page can also write as a JSON attribute (`body`, `headers`), so a
// backend's request fields need no JavaScript. An attribute that is not a JSON object must not
// quietly send a request without the fields the backend needs: it is reported on the console at
// once, and the next send fails closed (see invalidJsonAttribute).
import type { ComplexAttributeConverter } from 'lit';

const invalid = Symbol('invalid JSON attribute');

type Invalid = Record<string, unknown> & { [invalid]?: string };

/** The converter for the attribute `name`: a JSON object, or a marked empty object when it is not one. */
export function jsonObjectAttribute(name: string): ComplexAttributeConverter<Record<string, unknown> | undefined> {
  return {
    fromAttribute(value) {
      if (value === null) return undefined;
      let reason: string;
      try {
        const parsed: unknown = JSON.parse(value);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
        reason = `it is ${Array.isArray(parsed) ? 'an array' : typeof parsed}`;
      } catch (error) {
        reason = (error as Error).message;
      }
      const problem = `the "${name}" attribute is not a JSON object (${reason})`;
      console.error(`[stream-chat] ${problem}; nothing will be sent until it is fixed:`, value);
      const marked: Invalid = {};
      // Not enumerable: spreading or Object.assign never carries the mark into a request.
      Object.defineProperty(marked, invalid, { value: problem });
      return marked;
    },
  };
}

/** Why `value` came from an attribute that was not a JSON object, or undefined when it is fine. */
export function invalidJsonAttribute(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? (value as Invalid)[invalid] : undefined;
}
