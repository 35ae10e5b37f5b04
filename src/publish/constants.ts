/** The report written beside the .pte and uploaded with it. */
export const REPORT_FILE = "report.json";
