// Engine values → display text, whatever their type. The Engine API's JSON is typed by us,
// not by the engine: a field declared a number can arrive as a string carrying OSC 52 or a
// title sequence, an object, or an array. Everything shown passes through here (directly,
// or through the Text component in src/ui/text.tsx, which calls it for its children).
import { sanitize, sanitizeKeepingSgr } from './sanitize.js';

/** Sanitised text for any value: numbers as written, strings sanitised, objects as JSON. */
export function displayText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return sanitize(value);
    case 'number':
    case 'bigint':
      return String(value); // digits, '-', '.', 'e', 'NaN', 'Infinity': nothing to escape
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return '';
    case 'object':
      return value === null ? '' : sanitize(jsonOf(value));
    default:
      return ''; // symbol, function: never engine data
  }
}

/** Like displayText, but SGR colours in strings survive (log lines). */
export function displayTextKeepingSgr(value: unknown): string {
  return typeof value === 'string' ? sanitizeKeepingSgr(value) : displayText(value);
}

function jsonOf(value: object): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(Object.prototype.toString.call(value));
  }
}
