-- AlterTable
ALTER TABLE "users" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;


-- A new role or a new password ends every session of the user, whichever code path changes it
-- (lib/auth/session-check.ts refuses a token whose session version is no longer the user's).
CREATE FUNCTION users_revoke_sessions_on_credential_change() RETURNS trigger AS $$
BEGIN
  IF NEW.role IS DISTINCT FROM OLD.role OR NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
    NEW.session_version := OLD.session_version + 1;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER users_revoke_sessions_on_credential_change
  BEFORE UPDATE OF role, password_hash ON users
  FOR EACH ROW EXECUTE FUNCTION users_revoke_sessions_on_credential_change();
