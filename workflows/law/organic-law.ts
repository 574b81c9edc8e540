/**
 * The Organic Law of the Villagers' Committees (村民委员会组织法) as amended on 2025-10-28 (Presidential
 * Order No. 59), in force from 2026-01-01: six chapters and 41 articles became seven and 50, so the
 * articles moved. A matter from 2026-01-01 cites the amended text, an earlier one the 2018 text.
 *
 * The renumbering below was read from the consolidated 2025 text as republished (two identical mirrors of
 * it) against the 2018 text, and its anchor points confirmed by Xinhua's and the NPC legislative office's
 * reports; it is still to be checked once against the national database of laws (flk.npc.gov.cn).
 * Articles not listed here (the general provisions and the committee's own organisation) are cited in
 * the 2018 numbering, marked as such.
 */
export const ORGANIC_LAW = '中华人民共和国村民委员会组织法';
export const ORGANIC_LAW_2018 = '2018-12-29';
export const ORGANIC_LAW_2025 = '2025-10-28 修正，2026-01-01 施行';
export const ORGANIC_LAW_AMENDED_FROM = '2026-01-01';

/** 2018 article → the same article's number in the amended text. */
export const ORGANIC_LAW_RENUMBERING: Readonly<Record<number, number>> = {
  11: 14, // term of office
  12: 15, // election committee
  13: 16, // voter registration
  14: 17, // voter list
  15: 18, // nomination, validity of an election
  16: 19, // recall (罢免)
  17: 21, // elections won by improper means
  21: 25, // the villager meeting, its convening and ten days' notice
  22: 26, // the villager meeting's quorum and decisions
  23: 27, // the villager meeting's powers
  24: 28, // matters reserved to the villager meeting (the list rewritten: collective-property items moved out)
  25: 29, // the representative meeting's composition
  26: 30, // the representative meeting's quorum and decisions
  27: 31, // charter and village rules
  28: 32, // the villager group meeting
  29: 34, // majority rule, openness
  30: 35, // village affairs disclosure (now at least 15 days on the board)
  31: 36, // remedy for late or false disclosure
  32: 37, // the village affairs supervision body
  33: 38, // democratic review
  34: 39, // archives
  35: 40, // economic responsibility audits
  36: 41, // court annulment, orders to correct
};

/** Articles whose paragraphs or items were rewritten: a reference to a paragraph or item of them does not carry over. */
export const ORGANIC_LAW_REWRITTEN = new Set([24, 30, 34, 35]);
