import type { ChunkMessages } from '../../shared/i18n/language';

const HOURS_PER_DAY = 24;
const HOURS_PER_WEEK = 7 * HOURS_PER_DAY;

/** The bar width in the unit a reader would name it by: weeks, days or hours. */
function widthOf(hours: number): { n: number; unit: 'week' | 'day' | 'hour' } {
  if (hours % HOURS_PER_WEEK === 0) return { n: hours / HOURS_PER_WEEK, unit: 'week' };
  if (hours % HOURS_PER_DAY === 0) return { n: hours / HOURS_PER_DAY, unit: 'day' };
  return { n: hours, unit: 'hour' };
}

// After "за" the noun takes the accusative: за годину, за 2 години, за 6 годин, за 21 годину.
const UK_UNITS = {
  hour: { one: 'годину', few: 'години', many: 'годин' },
  day: { one: 'день', few: 'дні', many: 'днів' },
  week: { one: 'тиждень', few: 'тижні', many: 'тижнів' },
} as const;
const ukRules = new Intl.PluralRules('uk');

const bar = (range: string, total: string, parts: string) =>
  parts ? `${range}, ${total}: ${parts}` : `${range}, ${total}`;

/** The activity chart's strings (a lazy chunk: ActivityChart.tsx). */
export const chartMessages: ChunkMessages<{
  /** The figure's caption, for bars `hours` wide. */
  caption: (hours: number) => string;
  /** One bar's accessible name: its time range, its total, and the count per topic. */
  bar: (range: string, total: string, parts: string) => string;
}> = {
  en: {
    caption: (hours) => {
      const { n, unit } = widthOf(hours);
      return n === 1 ? `Updates per ${unit}` : `Updates per ${n} ${unit}s`;
    },
    bar,
  },
  uk: {
    caption: (hours) => {
      const { n, unit } = widthOf(hours);
      const forms = UK_UNITS[unit];
      const category = ukRules.select(n);
      const noun = category === 'one' || category === 'many' ? forms[category] : forms.few;
      return n === 1 ? `Кількість оновлень за ${noun}` : `Кількість оновлень за ${n} ${noun}`;
    },
    bar,
  },
};
