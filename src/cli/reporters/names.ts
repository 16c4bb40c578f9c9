/** The names of the report formats, without loading them (for option choices and help). */
export const REPORT_FORMATS = ['stylish', 'json', 'github', 'sarif'] as const;
