import { Template, type TemplateParsed } from "../schema.js";
import { appraisalTemplate, assessmentTemplate } from "./appraisal.js";
import { committeeElectionTemplate, committeeMembersTemplate, committeeTemplate } from "./committee.js";
import { cadreGradesTemplate, organisationAssessmentTemplate } from "./yearly-assessment.js";
import { developmentTemplate } from "./development.js";
import { duesAssessedTemplate, duesMonthlyTemplate, duesPaymentsTemplate } from "./dues.js";
import { meetingsTemplate } from "./meetings.js";
import { rosterTemplate } from "./roster.js";

/** The built-in templates, parsed (defaults filled) once. Order breaks ties in recognition. */
export const BUILTIN_TEMPLATES: TemplateParsed[] = [
  rosterTemplate,
  developmentTemplate,
  duesMonthlyTemplate,
  duesPaymentsTemplate,
  meetingsTemplate,
  appraisalTemplate,
  assessmentTemplate,
  committeeTemplate,
  committeeMembersTemplate,
  committeeElectionTemplate,
  organisationAssessmentTemplate,
  cadreGradesTemplate,
  duesAssessedTemplate,
].map((t) => Template.parse(t));
