/** A new session's id: random (128 bits), so it never meets one stored by another visit or tab. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `session-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
