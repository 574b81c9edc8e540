import type { DisclosureEntity } from './disclosure.entity.js';

type Shown = Pick<
  DisclosureEntity,
  'kind' | 'title' | 'body' | 'channels' | 'attachments' | 'supervisorOpinion'
> & { status: string };

/** What a reader sees of a disclosure's content, alike in a matter's view and on the public board. */
export function disclosureFields<Disclosure extends Shown>(disclosure: Disclosure) {
  return {
    kind: disclosure.kind,
    title: disclosure.title,
    body: disclosure.body,
    status: disclosure.status as Disclosure['status'],
    channels: disclosure.channels,
    attachments: disclosure.attachments,
    supervisorOpinion: disclosure.supervisorOpinion,
  };
}
