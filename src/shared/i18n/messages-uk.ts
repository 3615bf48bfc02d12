// Ukrainian UI strings: the summit's readers. Same keys and signatures as messages-en.ts (the
// `Messages` type checks it). Counts agree with the number through Intl.PluralRules('uk'):
// 1 / 21 оновлення, 2 / 22 оновлення, 5 / 11 / 25 оновлень.
import type { Messages } from './messages-en';

type PluralForms = Readonly<Record<'one' | 'few' | 'many', string>>;

const rules = new Intl.PluralRules('uk');
/** A count as Ukrainian readers write it: "1 234", with a no-break space. */
const count = (n: number) => n.toLocaleString('uk');

/** The form for `n`; fractions ("other") take the genitive singular, as in "1,5 оновлення". */
function plural(n: number, forms: PluralForms): string {
  const category = rules.select(n);
  return category === 'one' || category === 'few' || category === 'many'
    ? forms[category]
    : forms.few;
}

const UPDATES: PluralForms = { one: 'оновлення', few: 'оновлення', many: 'оновлень' };

/** "5 оновлень", "21 оновлення". */
const updates = (n: number) => `${count(n)} ${plural(n, UPDATES)}`;

/** After "з" (out of) the noun is genitive: "з 21 оновлення", "з 2 оновлень", "з 5 оновлень". */
const ofUpdates = (n: number) =>
  `з ${count(n)} ${plural(n, { one: 'оновлення', few: 'оновлень', many: 'оновлень' })}`;

// After "за" the noun takes the accusative: за годину, за 2 години, за 6 годин, за 21 годину.
const BAR_UNITS: Readonly<Record<'hour' | 'day' | 'week', PluralForms>> = {
  hour: { one: 'годину', few: 'години', many: 'годин' },
  day: { one: 'день', few: 'дні', many: 'днів' },
  week: { one: 'тиждень', few: 'тижні', many: 'тижнів' },
};

/** "о 14:05" for a clock time; a date and time ("9 лип., 10:00") takes no "о". */
const at = (time: string) => (/^\d{1,2}:\d{2}$/.test(time) ? `о ${time}` : time);

export const uk: Messages = {
  loading: 'Завантаження оновлень…',
  loadingRest: 'Завантаження всіх оновлень…',
  filtersPending: 'Фільтри з’являться, щойно завантажаться всі оновлення.',
  liveBlog: 'Онлайн-трансляція',
  statusLive: 'Наживо',
  statusUpcoming: 'Трансляція ще не почалася',
  statusEnded: 'Трансляцію завершено',
  updatedAgo: (ago: string) => `оновлено ${ago}`,
  lastUpdateAt: (time: string) => `останнє оновлення ${at(time)}`,
  pageAsOf: (time: string) => `сторінка станом на ${time}`,
  retryIn: (seconds: number) =>
    seconds <= 0 ? 'повторна спроба зараз' : `повторна спроба через ${formatSeconds(seconds)}`,
  retryNow: 'Спробувати зараз',
  codeGone: 'Цю сторінку оновлено. Будь ласка, перезавантажте її.',
  reload: 'Перезавантажити',
  offline: 'Немає з’єднання з інтернетом. Нові оновлення з’являться, щойно зв’язок відновиться.',
  errorNetwork: 'З’єднання втрачено',
  errorTimeout: 'Сервер не відповідає',
  errorBusy: 'Сервер перевантажений',
  errorNotFound: 'Стрічка недоступна',
  errorServer: (status: number) => `Помилка на сервері (${status})`,
  errorInvalid: 'Не вдалося прочитати стрічку',
  errorTooLarge: 'Стрічка завелика, щоб її завантажити',
  firstLoadFailed: 'Не вдалося завантажити цю трансляцію.',
  unavailable: 'Трансляція недоступна',
  rejectedItems: (n: number) => `Не вдалося показати ${updates(n)}`,
  emptyFeed: 'Оновлень поки немає. Нові оновлення з’являтимуться тут одразу після публікації.',
  newUpdates: (n: number) =>
    `${count(n)} ${plural(n, { one: 'нове', few: 'нові', many: 'нових' })} ${plural(n, UPDATES)}`,
  pinned: 'Закріплено',
  keyEvent: 'Ключова подія',
  updatedAt: (time: string) => `Оновлено о ${time}`,
  // A byline label that reads right before one name or several ("Автор:" would not).
  by: 'Текст:',
  otherUpdates: 'Інші оновлення',
  viewLabel: 'Показати оновлення',
  viewTopics: 'За темами',
  viewLatest: 'Найновіші',
  orderLabel: 'Порядок',
  orderNewest: 'Спочатку нові',
  orderOldest: 'Спочатку давні',
  jumpToLatest: 'До найновішого',
  showEarlier: 'Показати давніші оновлення',
  sinceLastVisit: (n: number, time: string) => `${updates(n)} відтоді, як ви були тут ${at(time)}`,
  goToFirstNew: (n: number) => (n === 1 ? 'Перейти до нього' : 'Перейти до першого з них'),
  newSinceVisit: 'Нове від вашого останнього візиту',
  updateCount: updates,
  untitled: (time: string) => `Оновлення о ${time}`,
  showMoreUpdates: 'Показати більше оновлень',
  justNow: 'щойно',
  // "Active: 2" sidesteps agreeing an adjective with the count.
  filtersButton: (n: number) => (n === 0 ? 'Фільтри' : `Фільтри (активних: ${n})`),
  topicsOfUpdate: 'Теми',
  clearFilters: 'Скинути фільтри',
  resultCount: (shown: number, total: number) =>
    shown === total ? updates(total) : `${count(shown)} ${ofUpdates(total)}`,
  showingResults: (shown: number, total: number) => `Показано ${count(shown)} ${ofUpdates(total)}`,
  dismiss: 'Закрити',
  seeAll: 'Показати всі оновлення',
  copyLink: 'Копіювати посилання',
  share: 'Поділитися',
  linkCopied: 'Посилання скопійовано',
  copyFailed: 'Не вдалося скопіювати посилання',
  keyEvents: 'Ключові події',
  keyEventsCount: (n: number) => `Ключові події (${count(n)})`,
  keyEventsAll: (n: number) => `Показати всі ключові події (${count(n)})`,
  keyEventsFewer: 'Показати менше ключових подій',
  eventTime: (zone: string) => `Час: як на місці події (${zone})`,
  readerTime: 'Час: ваш місцевий',
  timeZoneToggle: 'Показувати час у моєму часовому поясі',
  atAGlance: 'Головне коротко',
  chartCaption: (hours: number) => {
    const { n, unit } = barWidth(hours);
    const noun = plural(n, BAR_UNITS[unit]);
    return n === 1 ? `Кількість оновлень за ${noun}` : `Кількість оновлень за ${n} ${noun}`;
  },
  chartBar: (range: string, total: string, parts: string) =>
    parts ? `${range}, ${total}: ${parts}` : `${range}, ${total}`,
};

/** Abbreviated units ("с", "хв") need no plural agreement. */
function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} с`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} хв` : `${minutes} хв ${rest} с`;
}

/**
 * A bar width of the activity chart in the unit a reader would name it by, as in messages-en.ts:
 * imported from a module of the first screen, it would have the embed build split that module
 * out of embed.js into a chunk of its own.
 */
function barWidth(hours: number): { n: number; unit: 'week' | 'day' | 'hour' } {
  if (hours % 168 === 0) return { n: hours / 168, unit: 'week' };
  if (hours % 24 === 0) return { n: hours / 24, unit: 'day' };
  return { n: hours, unit: 'hour' };
}
