// Reading config text: the botocore-exact parser, secret removal, repairs, merging two texts.
export * from './parse-aws-config';
export * from './strip-secrets';
export * from './well-formed-text';
export * from './merge-config';
export * from './example-config';
