import { gradeSanctionsRule } from "./yearly/grade-sanctions.js";
import type { Rule } from "./context.js";
import { idNumberRule } from "./roster/id-number.js";
import { probationRule } from "./roster/probation.js";
import { branchSizeRule } from "./roster/branch-size.js";
import { developmentOrderRule } from "./development/order.js";
import { activistYearRule, approvalDelayRule, minimumAgeRule, talkWithinRule, trainingRule } from "./development/steps.js";
import { branchVoteRule, sponsorsRule } from "./development/branch-vote.js";
import { activistReviewsRule, contactPersonsRule } from "./development/activist-care.js";
import { fullMembershipMeetingRule } from "./development/full-membership.js";
import { trainingLengthRule } from "./development/training-length.js";
import { secretaryLectureRule } from "./meetings/secretary-lecture.js";
import { duesRateRule, duesStandardRule } from "./dues/standard-amount.js";
import { duesPeriodDueRule } from "./dues/period-due.js";
import { duesYearTotalRule } from "./dues/year-total.js";
import { duesMonthlyRule } from "./dues/monthly-payments.js";
import { duesPaymentRowsRule } from "./dues/payment-rows.js";
import { duesBaseItemsRule } from "./dues/base-items.js";
import { duesPaidUpToRule } from "./dues/paid-up-to.js";
import { meetingAttendanceRule } from "./meetings/attendance.js";
import { statedHeadCountRule } from "./meetings/stated-head-count.js";
import { meetingFrequencyRule } from "./meetings/frequency.js";
import { meetingVoteCountRule, meetingVotesRule } from "./meetings/votes.js";
import { appraisalVotesRule, excellentQuotaRule, probationaryGradedRule, rankRule, resultGradeRule } from "./appraisal/votes.js";
import { committeeTermRule } from "./committee/term.js";
import { committeeCompositionRule } from "./committee/composition.js";
import { committeeMemberFullRule } from "./committee/member-full.js";
import { committeeMembersTermRule } from "./committee/members-term.js";
import { committeeMemberStatusRule } from "./committee/member-status.js";
import { committeeSizeRule } from "./committee/size.js";
import { committeeBranchSizeRule } from "./committee/branch-size.js";
import { committeeElectionRule } from "./committee/election.js";
import { committeeMakeupRule } from "./committee/makeup.js";
import { duesAssessedYearRule } from "./dues/assessed-year.js";
import { orgAssessmentRule } from "./yearly/org-assessment.js";
import { rankOrderRule } from "./appraisal/rank-order.js";
import { weightedScoreRule } from "./appraisal/weighted-score.js";
import { gradeBandRule } from "./appraisal/grade-band.js";
import { topVotesRule } from "./yearly/top-votes.js";
import { satisfactionRule } from "./appraisal/satisfaction.js";
import { resultBandRule } from "./appraisal/result-band.js";
import { pointsRule } from "./yearly/points.js";
import { baseTotalRule } from "./yearly/base-total.js";
import { cadreGradesRule } from "./yearly/cadre-grades.js";
import { partyAgeRule } from "./roster/party-age.js";

/** Every rule a template can name. Templates are data; this is the code they point at. */
export const RULES: Record<string, Rule> = {
  "id.number": idNumberRule,
  "member.probation": probationRule,
  "branch.size": branchSizeRule,
  "development.order": developmentOrderRule,
  "development.minimumAge": minimumAgeRule,
  "development.talkWithin": talkWithinRule,
  "development.activistYear": activistYearRule,
  "development.training": trainingRule,
  "development.trainingLength": trainingLengthRule,
  "development.approvalDelay": approvalDelayRule,
  "development.branchVote": branchVoteRule,
  "development.sponsors": sponsorsRule,
  "development.contactPersons": contactPersonsRule,
  "development.reviews": activistReviewsRule,
  "development.fullMembershipMeeting": fullMembershipMeetingRule,
  "dues.standard": duesStandardRule,
  "dues.rate": duesRateRule,
  "dues.periodDue": duesPeriodDueRule,
  "dues.yearTotal": duesYearTotalRule,
  "dues.monthly": duesMonthlyRule,
  "dues.paymentRows": duesPaymentRowsRule,
  "dues.baseItems": duesBaseItemsRule,
  "dues.paidUpTo": duesPaidUpToRule,
  "dues.assessedYear": duesAssessedYearRule,
  "meetings.attendance": meetingAttendanceRule,
  "meetings.statedHeadCount": statedHeadCountRule,
  "meetings.frequency": meetingFrequencyRule,
  "meetings.votes": meetingVotesRule,
  "meetings.voteCount": meetingVoteCountRule,
  "meetings.secretaryLecture": secretaryLectureRule,
  "appraisal.votes": appraisalVotesRule,
  "appraisal.excellentQuota": excellentQuotaRule,
  "appraisal.probationaryGraded": probationaryGradedRule,
  "appraisal.resultGrade": resultGradeRule,
  "appraisal.resultBand": resultBandRule,
  "assessment.rank": rankRule,
  "assessment.rankOrder": rankOrderRule,
  "assessment.weightedScore": weightedScoreRule,
  "assessment.gradeBand": gradeBandRule,
  "committee.term": committeeTermRule,
  "committee.composition": committeeCompositionRule,
  "committee.size": committeeSizeRule,
  "committee.branchSize": committeeBranchSizeRule,
  "committee.election": committeeElectionRule,
  "committee.makeup": committeeMakeupRule,
  "committee.memberFull": committeeMemberFullRule,
  "committee.membersTerm": committeeMembersTermRule,
  "committee.memberStatus": committeeMemberStatusRule,
  "orgAssessment.grades": orgAssessmentRule,
  "orgAssessment.points": pointsRule,
  "orgAssessment.baseTotal": baseTotalRule,
  "orgAssessment.topVotes": topVotesRule,
  "assessment.satisfaction": satisfactionRule,
  "cadre.grades": cadreGradesRule,
  "assessment.gradeSanctions": gradeSanctionsRule,
  "member.partyAge": partyAgeRule,
};
