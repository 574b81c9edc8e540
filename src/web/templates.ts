import { Eta } from 'eta';
import { CALENDAR } from './views/calendar-pages.js';
import { CONFIRM, CONSOLE, FIELD, LIST, MATTER, REGION, START, VILLAGE } from './views/console-pages.js';
import { LAYOUT } from './views/layout.js';
import { BOARD, BULLETIN, HOME, LISTS, LOGIN, OWN_PASSWORD, REFUSAL, VERIFY } from './views/public-pages.js';
import { CATALOG, CATALOG_ITEM, PUBLIC_MATTER, X_ITEM } from './views/record-pages.js';
import { PEOPLE, PERSON } from './views/people-pages.js';
import { REGISTERS } from './views/register-pages.js';
import {
  COMPLAIN,
  COMPLAINT_RECEIPT,
  COMPLAINT_TRACK,
  COMPLAINTS,
  CONFIRM_SUBSCRIPTION,
  SUBSCRIBE,
  UNSUBSCRIBE,
} from './views/complaint-pages.js';

/** Eta templates, escaping by default (`<%= %>`); `<%~ %>` only for HTML we rendered ourselves. */
const eta = new Eta({ autoEscape: true, autoTrim: [false, 'nl'], cache: true });
const TEMPLATES: Record<string, string> = {
  '@layout': LAYOUT,
  '@field': FIELD,
  '@home': HOME,
  '@board': BOARD,
  '@lists': LISTS,
  '@verify': VERIFY,
  '@bulletin': BULLETIN,
  '@login': LOGIN,
  '@refusal': REFUSAL,
  '@own-password': OWN_PASSWORD,
  '@console': CONSOLE,
  '@village': VILLAGE,
  '@start': START,
  '@matter': MATTER,
  '@confirm': CONFIRM,
  '@region': REGION,
  '@calendar': CALENDAR,
  '@publicMatter': PUBLIC_MATTER,
  '@catalog': CATALOG,
  '@catalogItem': CATALOG_ITEM,
  '@xItem': X_ITEM,
  '@list': LIST,
  '@registers': REGISTERS,
  '@people': PEOPLE,
  '@person': PERSON,
  '@complain': COMPLAIN,
  '@complaintReceipt': COMPLAINT_RECEIPT,
  '@complaintTrack': COMPLAINT_TRACK,
  '@complaints': COMPLAINTS,
  '@subscribe': SUBSCRIBE,
  '@confirmSubscription': CONFIRM_SUBSCRIPTION,
  '@unsubscribe': UNSUBSCRIBE,
};
for (const [name, template] of Object.entries(TEMPLATES)) eta.loadTemplate(name, template);

export type PageName = Exclude<keyof typeof TEMPLATES, '@layout' | '@field'>;

export interface PageFrame {
  title: string;
  me?: { name: string } | null;
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}

/** A whole page: the named body inside the layout. */
export function renderPage(name: PageName, frame: PageFrame, data: object): string {
  const body = eta.render(name, { ...data, me: frame.me });
  return eta.render('@layout', { ...frame, body });
}
