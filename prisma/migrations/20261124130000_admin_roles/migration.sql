-- CreateEnum
CREATE TYPE "AdminRole" AS ENUM ('SUPER_ADMIN', 'RISK', 'FINANCE', 'OPERATIONS', 'SUPPORT');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "admin_role" "AdminRole";


-- Administrators before sub-roles could do everything: they stay super admins.
UPDATE "users" SET "admin_role" = 'SUPER_ADMIN' WHERE "role" = 'ADMIN';

ALTER TABLE "users" ADD CONSTRAINT "users_admin_role_only_for_admins"
  CHECK (("role" = 'ADMIN') = ("admin_role" IS NOT NULL));

-- A new sub-role ends the administrator's sessions like a new role does: the next request is signed out and
-- the new permissions apply from the next sign-in.
CREATE OR REPLACE FUNCTION users_revoke_sessions_on_credential_change() RETURNS trigger AS $$
BEGIN
  IF NEW.role IS DISTINCT FROM OLD.role OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
     OR NEW.admin_role IS DISTINCT FROM OLD.admin_role THEN
    NEW.session_version := OLD.session_version + 1;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER users_revoke_sessions_on_credential_change ON users;
CREATE TRIGGER users_revoke_sessions_on_credential_change
  BEFORE UPDATE OF role, password_hash, admin_role ON users
  FOR EACH ROW EXECUTE FUNCTION users_revoke_sessions_on_credential_change();
