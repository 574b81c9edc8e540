import { COMPLAINT_HANDLINGS, COMPLAINT_RATINGS, COMPLAINT_SUBJECTS } from '../../workflows/index.js';
import type { ComplaintProgressDto } from '../complaints/complaint-responses.dto.js';
import { lastDayOf, localTime } from '../common/format-time.js';

/** A list of the data's words, for radio buttons and selects. */
export const choicesOf = (words: Record<string, string>) =>
  Object.entries(words).map(([key, title]) => ({ key, title }));

/** What a villager may complain about from the form: a matter is reached through its disclosure. */
export const FORM_SUBJECTS = choicesOf(COMPLAINT_SUBJECTS).filter((subject) => subject.key !== 'matter');
export const RATING_CHOICES = choicesOf(COMPLAINT_RATINGS);
export const HANDLING_CHOICES = choicesOf(COMPLAINT_HANDLINGS);

/**
 * A complaint's progress as a page shows it: times in local words, a time limit by its last day (a limit
 * ends at 24:00 of that day), the handling and rating in Chinese.
 */
export function progressWords<T extends ComplaintProgressDto>(complaint: T, timeZone: string) {
  const at = (iso: string | null) => (iso ? localTime(iso, timeZone) : '');
  const by = (iso: string | null) => (iso ? `${lastDayOf(iso, timeZone)}（含当天）` : '');
  return {
    ...complaint,
    filedAt: at(complaint.filedAt),
    acknowledgedAt: at(complaint.acknowledgedAt),
    answeredAt: at(complaint.answeredAt),
    reviewedAt: at(complaint.reviewedAt),
    acknowledgeBy: by(complaint.acknowledgeBy),
    answerBy: by(complaint.answerBy),
    reviewBy: by(complaint.reviewBy),
    handlingTitle: complaint.handling ? COMPLAINT_HANDLINGS[complaint.handling] : '',
    ratingTitle: complaint.rating ? COMPLAINT_RATINGS[complaint.rating] : '',
  };
}
