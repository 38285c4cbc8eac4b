import Decimal from 'decimal.js';

/** Money and quantities are decimals, never floats of dollars: prices have up to 10 decimals and
 *  a month sums millions of tiny amounts. Rounded only for display. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new Dec(0);

/** A decimal from a number or text — never NaN or ±Infinity, which Decimal itself accepts (issue 13:
 *  1e308 requests priced "Infinity a month"). The analysis bounds its inputs (model/bounded.ts,
 *  MAX_MONTHLY_VOLUME), so this never throws on a design that parses: it is the guarantee, a
 *  RangeError naming the value rather than an Infinity printed as an amount. */
export function dec(v: Decimal.Value): Dec {
  const d = new Dec(v);
  if (!d.isFinite()) throw new RangeError(`not a finite amount: ${String(v)}`);
  return d;
}

/** A cost line's quantity or monthly amount: finite and not negative, by construction (every priced
 *  line goes through it; only free-tier credit lines, made from these, are negative). */
export function amount(v: Dec | Decimal.Value, what = 'amount'): Dec {
  const d = Decimal.isDecimal(v) ? (v as Dec) : dec(v as Decimal.Value);
  // The sign is read, not compared with a new Decimal(0) (twice per priced line: issue 15); -0 is
  // not below zero.
  if (!d.isFinite() || (d.isNegative() && !d.isZero())) throw new RangeError(`${what} must be a finite amount not below zero, not ${d.toString()}`);
  return d;
}

export function sum(values: readonly Dec[]): Dec {
  // One value is its own sum (most inflows and chunked volumes are one): no addition to allocate.
  // Zero is left to the addition, which makes a -0 (a zero credit) the 0 it always printed as.
  if (values.length === 1 && !values[0].isZero()) return values[0];
  return values.reduce((a, b) => a.plus(b), ZERO);
}

/** "123.45": the form of money in JSON and CSV output (Infracost's convention). */
export function moneyString(v: Dec, places = 2): string {
  return v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
}

/** "$1,234.56" for people; amounts below a cent show "<$0.01" rather than a misleading $0.00. */
export function formatUsd(v: Dec): string {
  if (v.isZero()) return '$0.00';
  if (v.abs().lt('0.005')) return v.isNegative() ? '-<$0.01' : '<$0.01';
  const [whole, frac] = moneyString(v.abs()).split('.');
  return `${v.isNegative() ? '-' : ''}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** A quantity for people: integers with separators, fractions to 4 significant decimals. */
export function formatQuantity(v: Dec): string {
  const s = v.isInteger() ? v.toFixed(0) : v.toSignificantDigits(Math.max(6, v.trunc().toFixed(0).length + 2)).toFixed();
  const [whole, frac] = s.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** A line's unit price as people read it: "$0.045 per NAT gateway-hour", "tiered from $0.000001 per
 *  request" (the app's cost panel and the design-review report). */
export function unitPriceText(line: { readonly unitPrice: string; readonly unit: string }): string {
  const tiered = line.unitPrice.match(/^tiered from (.+)$/);
  return `${tiered ? `tiered from $${tiered[1]}` : `$${line.unitPrice}`} per ${line.unit}`;
}
