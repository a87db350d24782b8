/**
 * The one separator of list values in every flat export cell: `studies --format csv`, the report's
 * tables/*.csv and tables.xlsx (NCT ids, sources, routes, conditions, evidence quotes) and the dashboard's CSV.
 * Country names contain commas ("Korea, Republic of"), so a comma cannot be it. A phase key such as
 * "PHASE1|PHASE2" is one value (a registered phase combination), not a list.
 */
export const LIST_SEPARATOR = '; ';
