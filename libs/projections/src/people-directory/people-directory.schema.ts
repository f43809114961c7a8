export const PEOPLE_DIRECTORY_TABLES = [
  'people_directory_people',
  'people_directory_tokens',
] as const;

/**
 * Who is who, for sign-in and for every authenticated request: a person's status, partner and
 * roles by id (the primary key), by e-mail (sign-in) and by identity-provider subject (OpenID
 * Connect); and the personal tokens, by id, so that a revoked one is refused (a token the operator's CLI signed offline has a
 * row only once revoked, with no label nor dates). `seq` is the log
 * position that created the row: the list order.
 */
export const PEOPLE_DIRECTORY_SCHEMA = `
CREATE TABLE people_directory_people (
  person_id     TEXT    PRIMARY KEY,
  seq           INTEGER NOT NULL UNIQUE,
  display_name  TEXT    NOT NULL,
  email         TEXT    NOT NULL,
  email_key     TEXT,
  partner_id    TEXT,
  roles         TEXT    NOT NULL,
  status        TEXT    NOT NULL,
  accepted      INTEGER NOT NULL DEFAULT 0,
  idp_subject   TEXT,
  invited_at    TEXT    NOT NULL,
  invited_by    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL
) STRICT;
CREATE INDEX people_directory_by_email ON people_directory_people (email_key);
CREATE INDEX people_directory_by_partner ON people_directory_people (partner_id, seq);
CREATE INDEX people_directory_by_idp_subject ON people_directory_people (idp_subject);
CREATE TABLE people_directory_tokens (
  token_id    TEXT    PRIMARY KEY,
  person_id   TEXT    NOT NULL,
  seq         INTEGER NOT NULL,
  label       TEXT,
  expires_at  TEXT,
  issued_at   TEXT,
  issued_by   TEXT,
  revoked_at  TEXT,
  revoked_by  TEXT
) STRICT;
CREATE INDEX people_directory_tokens_by_person ON people_directory_tokens (person_id, seq);
`;
