// Money as the API sends it: { amount: "350.00", currency: "BRL" }. amount is an exact decimal as text
// (the Decimal scalar is a string in the generated types, so tsc refuses arithmetic on it): show it as
// text, or count in integer cents. Never parseFloat or Number(): a binary float changes the digits.
import type { Money } from '@healthmed/graphql/schema';

/** A price as an operation selects it: `price { amount currency }`. */
export type Price = Pick<Money, 'amount' | 'currency'>;

// What the API sends for an amount: digits, and at most the currency's two decimal places.
const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

const formats = new Map<string, Intl.NumberFormat>();

/** "R$ 350,00", or a fixed text when the doctor has set no price. */
export function priceLabel(price: Price | null): string {
  if (price === null) {
    return 'Preço não informado';
  }
  let format = formats.get(price.currency);
  if (format === undefined) {
    format = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: price.currency });
    formats.set(price.currency, format);
  }
  // Intl formats a numeric string exactly (ES2023): no float in between.
  return format.format(numeric(price.amount));
}

/** The amount in integer cents, exactly: "350.00" is 35000n. */
export function centsOf(amount: string): bigint {
  const [, sign, units, fraction] = parse(amount);
  const cents = BigInt(units ?? '0') * 100n + BigInt((fraction ?? '').padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** The sum of prices of one currency, exact; null for none. */
export function total(prices: ReadonlyArray<Price>): Price | null {
  const first = prices[0];
  if (first === undefined) {
    return null;
  }
  if (prices.some((price) => price.currency !== first.currency)) {
    throw new RangeError('prices in more than one currency');
  }
  const cents = prices.reduce((sum, price) => sum + centsOf(price.amount), 0n);
  const magnitude = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  const amount = `${cents < 0n ? '-' : ''}${magnitude.slice(0, -2)}.${magnitude.slice(-2)}`;
  return { amount, currency: first.currency };
}

function parse(amount: string): RegExpExecArray {
  const match = AMOUNT.exec(amount);
  if (match === null) {
    throw new RangeError(`not an amount: ${amount}`);
  }
  return match;
}

function numeric(amount: string): `${number}` {
  parse(amount);
  return amount as `${number}`;
}
