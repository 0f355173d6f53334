// What the Services pane's forms accept, checked before the engine is asked.

/** Replicas: a whole number from 0 up (0 stops every task and keeps the service). */
export function replicasError(text: string): string | undefined {
  const t = text.trim();
  if (!t) return 'Replicas: type a whole number (0 or more)';
  if (!/^\d+$/.test(t)) return `Replicas: "${t}" is not a whole number ≥ 0`;
  // The engine keeps replicas in a uint64; a number this large is a typo, not a plan.
  if (t.length > 6) return `Replicas: ${t} is more than this form takes (at most 999999)`;
  return undefined;
}

// name[:tag][@digest], registry host and path components as the reference grammar allows.
const IMAGE_REF =
  /^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

export function imageError(text: string): string | undefined {
  const t = text.trim();
  if (!t) return 'Image: type an image reference (repo[:tag])';
  if (!IMAGE_REF.test(t)) return `Image: "${t}" is not an image reference (repo[:tag], lower case)`;
  return undefined;
}
