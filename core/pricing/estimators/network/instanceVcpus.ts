/** vCPUs of the common RDS DB instance classes — instance specifications, not prices. Source: the
 *  Amazon RDS User Guide, "Hardware specifications for DB instance classes"
 *  (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Summary.html;
 *  db.t2, db.t3, db.t4g, db.m5, db.m6g, db.r5 and db.r6g as in
 *  https://github.com/awsdocs/amazon-rds-user-guide/blob/main/doc_source/Concepts.DBInstanceClass.md,
 *  db.r7g in the Aurora User Guide's table of the same name; db.m7g has the sizes and vCPUs of
 *  db.m6g). A class not listed here makes RDS Proxy unpriced, never guessed. */
const SIZES: Record<string, number> = { large: 2, xlarge: 4, '2xlarge': 8, '4xlarge': 16, '8xlarge': 32, '12xlarge': 48, '16xlarge': 64, '24xlarge': 96 };
const BURSTABLE: Record<string, number> = { micro: 2, small: 2, medium: 2, large: 2, xlarge: 4, '2xlarge': 8 };
/** db.t2.micro and db.t2.small have 1 vCPU: the classes where RDS Proxy's 2-vCPU minimum applies. */
const T2: Record<string, number> = { ...BURSTABLE, micro: 1, small: 1 };

const family = (name: string, sizes: Record<string, number>, upTo?: string): [string, number][] => {
  const names = Object.keys(sizes);
  const last = upTo ? names.indexOf(upTo) + 1 : names.length;
  return names.slice(0, last).map((size) => [`db.${name}.${size}`, sizes[size]]);
};

export const DB_INSTANCE_VCPUS: Readonly<Record<string, number>> = Object.fromEntries([
  ...family('t2', T2),
  ...family('t3', BURSTABLE),
  ...family('t4g', BURSTABLE),
  ...family('m5', SIZES),
  ...family('m6g', SIZES, '16xlarge'),
  ...family('m7g', SIZES, '16xlarge'),
  ...family('r5', SIZES),
  ...family('r6g', SIZES, '16xlarge'),
  ...family('r7g', SIZES, '16xlarge'),
]);
