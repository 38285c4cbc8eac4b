/** "1,234,567.891": numbers for messages. Intl's toLocaleString is ~50× slower and these run for
 *  every edge on every edit; this matches its en-US output (at most `maxFractionDigits`, default 3). */
export function formatNumber(n: number, maxFractionDigits = 3): string {
  if (!Number.isFinite(n)) return String(n);
  // 1e+308 as written: rounding below multiplies by 10^digits, which overflowed to "Infinity".
  if (Math.abs(n) >= 1e21) return String(n);
  const rounded = Math.round(Math.abs(n) * 10 ** maxFractionDigits) / 10 ** maxFractionDigits;
  const text = String(rounded);
  if (text.includes('e')) return n.toLocaleString('en-US', { maximumFractionDigits: maxFractionDigits });
  const [whole, fraction] = text.split('.');
  return `${n < 0 && rounded !== 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}
