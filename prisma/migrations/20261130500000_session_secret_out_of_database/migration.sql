-- The session signing secret no longer lives in the database (a dump could forge sessions): it
-- comes from NEXTAUTH_SECRET, or from a file in the embedded data folder. Sessions signed with the
-- removed value end; their users sign in again.
DELETE FROM "AppSetting" WHERE "key" = 'session_secret';
