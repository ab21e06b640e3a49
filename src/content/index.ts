// Content script entry on AWS console pages.
export {};
