/**
 * When a token expires, in words, relative to `now` (both ms since the epoch): "expires in 55 min",
 * "expires in 2 h", "expired 3 min ago". Rounded down to the largest unit that fits; under a
 * minute: "expires in less than a minute".
 */
export function expiryInWords(expiresAt: number, now: number): string {
  const seconds = Math.floor((expiresAt - now) / 1000);
  if (seconds >= 0 && seconds < 60) return 'expires in less than a minute';
  const amount = unitSpan(Math.abs(seconds));
  return seconds > 0 ? `expires in ${amount}` : `expired ${amount} ago`;
}

function unitSpan(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.floor(seconds / 60))} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}
