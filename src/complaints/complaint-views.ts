import { COMPLAINT_SUBJECTS } from '../../workflows/index.js';
import type { ComplaintEntity, ComplaintStatus } from './complaint.entity.js';
import type { ComplaintProgressDto, HandledComplaintDto } from './complaint-responses.dto.js';

export const COMPLAINT_STATUS_TITLES: Record<ComplaintStatus, string> = {
  filed: '已提交，待受理',
  acknowledged: '已受理，办理中',
  answered: '已答复，待评价',
  rated: '已评价，办结',
  inReview: '不满意，区级复查中',
  reviewed: '复查已答复，办结',
};

/** The time limit of the step a complaint waits in, if it waits for its handlers. */
function limitOf(complaint: ComplaintEntity): Date | null {
  switch (complaint.status) {
    case 'filed':
      return complaint.acknowledgeBy;
    case 'acknowledged':
      return complaint.answerBy;
    case 'inReview':
      return complaint.reviewBy;
    case 'answered':
    case 'rated':
    case 'reviewed':
      return null;
  }
}

const iso = (instant: Date | null) => instant?.toISOString() ?? null;

export function progressOf(complaint: ComplaintEntity, now: Date): ComplaintProgressDto {
  const limit = limitOf(complaint);
  return {
    id: complaint.id,
    subject: complaint.subject,
    subjectTitle: COMPLAINT_SUBJECTS[complaint.subject],
    status: complaint.status,
    statusTitle: COMPLAINT_STATUS_TITLES[complaint.status],
    filedAt: complaint.filedAt.toISOString(),
    acknowledgeBy: complaint.acknowledgeBy.toISOString(),
    acknowledgedAt: iso(complaint.acknowledgedAt),
    answerBy: iso(complaint.answerBy),
    handling: complaint.handling,
    reply: complaint.reply,
    answeredAt: iso(complaint.answeredAt),
    rating: complaint.rating,
    reviewBy: iso(complaint.reviewBy),
    reviewReply: complaint.reviewReply,
    reviewedAt: iso(complaint.reviewedAt),
    overdue: limit !== null && now >= limit,
    evidence: complaint.evidence,
  };
}

export function handledOf(
  complaint: ComplaintEntity & { complainantName: string | null; subjectName: string | null },
  village: { id: string; name: string },
  now: Date,
): HandledComplaintDto {
  return {
    ...progressOf(complaint, now),
    village,
    subjectId: complaint.subjectId,
    subjectName: complaint.subjectName,
    body: complaint.body,
    complainant: complaint.complainantName === null ? null : { name: complaint.complainantName },
    rectificationMatterId: complaint.rectificationMatterId,
    ratingComment: complaint.ratingComment,
  };
}
