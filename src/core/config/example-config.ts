// The example config the import page offers ("Try the example") and the tests import: one
// app, three environments, production last. It must import as app "alfie" with development,
// qa and production, production red (issue 3's acceptance example).
export const EXAMPLE_CONFIG = `[default]
region = us-east-1
[profile alfie-development]
role_arn = arn:aws:iam::345678901234:role/AlfieFullAccess
source_profile = default
[profile alfie-qa]
role_arn = arn:aws:iam::234567890123:role/AlfieDeployment
source_profile = default
[profile alfie-production]
role_arn = arn:aws:iam::123456789012:role/AlfieReadOnly
source_profile = default
`;
