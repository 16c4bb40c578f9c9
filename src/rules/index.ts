/** The registry of rules: every rule of `alliance check`, listed explicitly, in the order they report. */
import closing from './closing.js';
import emptyStatement from './empty-statement.js';
import encoding from './encoding.js';
import extraSpaces from './extra-spaces.js';
import fieldType from './field-type.js';
import implausibleSlot from './implausible-slot.js';
import frontMatter from './front-matter.js';
import inlineDirective from './inline-directive.js';
import markdown from './markdown.js';
import openingAddress from './opening-address.js';
import placeholder from './placeholder.js';
import presidingOfficer from './presiding-officer.js';
import punctuationSpacing from './punctuation-spacing.js';
import readError from './read-error.js';
import requiredField from './required-field.js';
import selfIdentification from './self-identification.js';
import speakingTimeMargin from './speaking-time-margin.js';
import speakingTime from './speaking-time.js';
import type { Rule } from './define-rule.js';
import typographicQuotes from './typographic-quotes.js';
import unknownField from './unknown-field.js';
import unknownForum from './unknown-forum.js';
import versionInStep from './version-in-step.js';
import writtenLength from './written-length.js';

/** All rules. */
export const rules: readonly Rule[] = [
  readError,
  encoding,
  markdown,
  frontMatter,
  requiredField,
  fieldType,
  unknownField,
  unknownForum,
  inlineDirective,
  emptyStatement,
  openingAddress,
  presidingOfficer,
  selfIdentification,
  placeholder,
  closing,
  extraSpaces,
  typographicQuotes,
  punctuationSpacing,
  implausibleSlot,
  speakingTime,
  speakingTimeMargin,
  writtenLength,
  versionInStep,
];

/** The rules by id. */
export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
