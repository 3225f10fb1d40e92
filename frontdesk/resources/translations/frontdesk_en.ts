<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/supervisor/admin.py" line="+135" />
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service catalogue</source>
        <translation>Service catalogue</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+16" />
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="-13" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../ui/supervisor/admin_dialogs.py" line="+64" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fee (lekë)</source>
        <translation>Fee (lekë)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard (days)</source>
        <translation>Standard (days)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offered</source>
        <translation>Offered</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location line="+2" />
        <location filename="../../ui/supervisor/admin_dialogs.py" line="+66" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+0" />
        <location filename="../../ui/supervisor/admin_dialogs.py" line="+4" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+0" />
        <location filename="../../ui/supervisor/admin_dialogs.py" line="+4" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Add local service…</source>
        <translation>&amp;Add local service…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add &amp;user…</source>
        <translation>Add &amp;user…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reset password…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Un&amp;lock sign-in</source>
        <translation>Un&amp;lock sign-in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lift the lock after too many wrong passwords</source>
        <translation>Lift the lock after too many wrong passwords</translation>
    </message>
    <message>
        <location line="+15" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+12" />
        <source>local</source>
        <translation>local</translation>
    </message>
    <message>
        <location line="+0" />
        <source>central</source>
        <translation>central</translation>
    </message>
    <message>
        <location line="+17" />
        <source>temporary (must change)</source>
        <translation>temporary (must change)</translation>
    </message>
    <message>
        <location line="+43" />
        <source>&amp;Withdraw service</source>
        <translation>&amp;Withdraw service</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Offer service again</source>
        <translation>&amp;Offer service again</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only local services can be withdrawn here; open requests stay</source>
        <translation>Only local services can be withdrawn here; open requests stay</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Deactivate user</source>
        <translation>&amp;Deactivate user</translation>
    </message>
    <message>
        <location line="+0" />
        <source>A&amp;ctivate user</source>
        <translation>A&amp;ctivate user</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Service {code} is offered again.</source>
        <translation>Service {code} is offered again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Service {code} is withdrawn; its open requests stay.</source>
        <translation>Service {code} is withdrawn; its open requests stay.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>User {user} is active again.</source>
        <translation>User {user} is active again.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>User {user} is deactivated.</source>
        <translation>User {user} is deactivated.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>User {user} can sign in again.</source>
        <translation>User {user} can sign in again.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/admin_dialogs.py" line="-94" />
        <source>One per line: CODE | Albanian name | English name | optional</source>
        <translation>One per line: CODE | Albanian name | English name | optional</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Add a local service</source>
        <translation>Add a local service</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service code</source>
        <translation>Service code</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Name in Al&amp;banian:</source>
        <translation>Name in Al&amp;banian:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name in Albanian</source>
        <translation>Name in Albanian</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Name in &amp;English:</source>
        <translation>Name in &amp;English:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name in English</source>
        <translation>Name in English</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tegory:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Fee (lekë):</source>
        <translation>&amp;Fee (lekë):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fee in lekë</source>
        <translation>Fee in lekë</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Standard (working days):</source>
        <translation>&amp;Standard (working days):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard processing time in working days</source>
        <translation>Standard processing time in working days</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Office:</source>
        <translation>&amp;Office:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Office that handles it</source>
        <translation>Office that handles it</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Documents:</source>
        <translation>&amp;Documents:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents, one per line</source>
        <translation>Documents, one per line</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+62" />
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location line="-61" />
        <location line="+62" />
        <location line="+38" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-95" />
        <source>Service {code} added.</source>
        <translation>Service {code} added.</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Add a user</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Full name:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+38" />
        <source>&amp;Temporary password:</source>
        <translation>&amp;Temporary password:</translation>
    </message>
    <message>
        <location line="-37" />
        <location line="+38" />
        <source>Temporary password</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <location line="-30" />
        <source>User {user} added; they must change the password at the first sign-in.</source>
        <translation>User {user} added; they must change the password at the first sign-in.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Reset the password of {user}</source>
        <translation>Reset the password of {user}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Reset</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Password of {user} reset; they must change it at the next sign-in.</source>
        <translation>Password of {user} reset; they must change it at the next sign-in.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/supervisor/audit_view.py" line="+39" />
        <source>Sign-in</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed sign-in</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign-out</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New request</source>
        <translation>New request</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status change</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassignment</source>
        <translation>Reassignment</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt printed</source>
        <translation>Receipt printed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Catalogue import</source>
        <translation>Catalogue import</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Catalogue change</source>
        <translation>Catalogue change</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User added</source>
        <translation>User added</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User changed</source>
        <translation>User changed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen's survey</source>
        <translation>Citizen's survey</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Database key</source>
        <translation>Database key</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location line="+123" />
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fi&amp;nd:</source>
        <translation>Fi&amp;nd:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt no., user name, code…</source>
        <translation>Receipt no., user name, code…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find in the audit trail</source>
        <translation>Find in the audit trail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Who:</source>
        <translation>&amp;Who:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter by user</source>
        <translation>Filter by user</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Action:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter by action</source>
        <translation>Filter by action</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Dates from</source>
        <translation>&amp;Dates from</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter by dates</source>
        <translation>Filter by dates</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <location line="+1" />
        <source>t&amp;o</source>
        <translation>t&amp;o</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+1" />
        <source>O&amp;lder entries</source>
        <translation>O&amp;lder entries</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the next {n} older entries</source>
        <translation>Show the next {n} older entries</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Verify &amp;chain</source>
        <translation>Verify &amp;chain</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check that no entry was changed, removed or inserted</source>
        <translation>Check that no entry was changed, removed or inserted</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Audit entries</source>
        <translation>Audit entries</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location line="+78" />
        <source>The newest {n} entries; older ones follow.</source>
        <translation>The newest {n} entries; older ones follow.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} entries</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Checking the chain…</source>
        <translation>Checking the chain…</translation>
    </message>
    <message>
        <location line="+22" />
        <source>The audit trail is intact: all {n} entries are unchanged and in order.</source>
        <translation>The audit trail is intact: all {n} entries are unchanged and in order.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The audit trail has been tampered with. {why}</source>
        <translation>The audit trail has been tampered with. {why}</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location filename="../../ui/supervisor/audit_words.py" line="+38" />
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>from {old} to {new}</source>
        <translation>from {old} to {new}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>satisfaction {n} of 5</source>
        <translation>satisfaction {n} of 5</translation>
    </message>
    <message>
        <location line="+4" />
        <source>copy {n}</source>
        <translation>copy {n}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <location line="+10" />
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not active</source>
        <translation>not active</translation>
    </message>
    <message>
        <location line="+6" />
        <source>reason: {reason}</source>
        <translation>reason: {reason}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/login.py" line="+248" />
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your password was reset: choose a new one of at least 8 characters.</source>
        <translation>Your password was reset: choose a new one of at least 8 characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose a new password of at least 8 characters.</source>
        <translation>Choose a new password of at least 8 characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Current password:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Repeat new password:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Change pass&amp;word</source>
        <translation>Change pass&amp;word</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>CitizenForm</name>
    <message>
        <location filename="../../ui/intake/citizen.py" line="+88" />
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Personal number:</source>
        <translation>&amp;Personal number:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>e.g. J00101999W</source>
        <translation>e.g. J00101999W</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Use these details (F4)</source>
        <translation>&amp;Use these details (F4)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Full &amp;name:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>P&amp;hone:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>E-mail, if kno&amp;wn:</source>
        <translation>E-mail, if kno&amp;wn:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>optional, for messages</source>
        <translation>optional, for messages</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tell b&amp;y SMS or e-mail when ready or returned (the citizen agrees)</source>
        <translation>Tell b&amp;y SMS or e-mail when ready or returned (the citizen agrees)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only with the citizen's consent; the phone number or the e-mail is needed</source>
        <translation>Only with the citizen's consent; the phone number or the e-mail is needed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;riority (elderly or disabled citizen)</source>
        <translation>P&amp;riority (elderly or disabled citizen)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Personal number is valid.</source>
        <translation>Personal number is valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>You will be asked to confirm when saving.</source>
        <translation>You will be asked to confirm when saving.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Known from an earlier visit: {details}</source>
        <translation>Known from an earlier visit: {details}</translation>
    </message>
</context>
<context>
    <name>CitizensPage</name>
    <message>
        <location filename="../../ui/supervisor/citizens.py" line="+77" />
        <source>What the citizens say</source>
        <translation>What the citizens say</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The citizens' own answers (survey at the counter, from the receipt's QR code or the message) beside the ratings clerks typed at delivery — never mixed — and the complaints about the requests of each group.</source>
        <translation>The citizens' own answers (survey at the counter, from the receipt's QR code or the message) beside the ratings clerks typed at delivery — never mixed — and the complaints about the requests of each group.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizens'
answers</source>
        <translation>Citizens'
answers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizens:
overall (1–5)</source>
        <translation>Citizens:
overall (1–5)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizens:
date kept</source>
        <translation>Citizens:
date kept</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizens:
service clear</source>
        <translation>Citizens:
service clear</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clerk
ratings</source>
        <translation>Clerk
ratings</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clerk
rating (1–5)</source>
        <translation>Clerk
rating (1–5)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location line="+3" />
        <source>What the citizens say, per group</source>
        <translation>What the citizens say, per group</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not linked to a request or a clerk</source>
        <translation>Not linked to a request or a clerk</translation>
    </message>
    <message>
        <location line="+23" />
        <source>No survey answers, clerk ratings or complaints in these days.</source>
        <translation>No survey answers, clerk ratings or complaints in these days.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="+150" />
        <location line="+113" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="-111" />
        <location line="+111" />
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location line="-109" />
        <location line="+109" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="-108" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Median (days)</source>
        <translation>Median (days)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P90 (days)</source>
        <translation>P90 (days)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open overdue</source>
        <translation>Open overdue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Avg rating</source>
        <translation>Avg rating</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+218" />
        <source>Performance against the service standards</source>
        <translation>Performance against the service standards</translation>
    </message>
    <message>
        <location line="-217" />
        <source>First day received</source>
        <translation>First day received</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Last day received</source>
        <translation>Last day received</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;PDF…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Computing the report</source>
        <translation>Computing the report</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Performance per group</source>
        <translation>Performance per group</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On-time share per week</source>
        <translation>On-time share per week</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Services by open overdue requests</source>
        <translation>Services by open overdue requests</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Nobody (unassigned)</source>
        <translation>Nobody (unassigned)</translation>
    </message>
    <message>
        <location line="+21" />
        <source>On-time share per week (%)</source>
        <translation>On-time share per week (%)</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Week beginning</source>
        <translation>Week beginning</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Services by open overdue requests (received in the period)</source>
        <translation>Services by open overdue requests (received in the period)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clerks by open overdue requests (received in the period)</source>
        <translation>Clerks by open overdue requests (received in the period)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units by open overdue requests (received in the period)</source>
        <translation>Units by open overdue requests (received in the period)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Open requests past their promised date</source>
        <translation>Open requests past their promised date</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Saved {path}.</source>
        <translation>Saved {path}.</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="+174" />
        <source>Deliver to citizen</source>
        <translation>Deliver to citizen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Who collects the result?</source>
        <translation>Who collects the result?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The &amp;citizen: {name}</source>
        <translation>The &amp;citizen: {name}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>An au&amp;thorised person</source>
        <translation>An au&amp;thorised person</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Full &amp;name:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full name of the authorised person</source>
        <translation>Full name of the authorised person</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Identity document no.:</source>
        <translation>&amp;Identity document no.:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identity document number of the authorised person</source>
        <translation>Identity document number of the authorised person</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Satisfaction: 5 = very satisfied, 1 = not at all</source>
        <translation>Satisfaction: 5 = very satisfied, 1 = not at all</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} of 5</source>
        <translation>{n} of 5</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Skip</source>
        <translation>&amp;Skip</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No rating</source>
        <translation>No rating</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Deliver</source>
        <translation>&amp;Deliver</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Go &amp;back</source>
        <translation>Go &amp;back</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Write the authorised person's full name and identity document number.</source>
        <translation>Write the authorised person's full name and identity document number.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/intake/__init__.py" line="+162" />
        <source>New request</source>
        <translation>New request</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+1" />
        <source>New request: show the visit's summary, then save and print</source>
        <translation>New request: show the visit's summary, then save and print</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New request: take the citizen's details from an earlier visit</source>
        <translation>New request: take the citizen's details from an earlier visit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New request: add another service to the visit</source>
        <translation>New request: add another service to the visit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New request: tick all documents</source>
        <translation>New request: tick all documents</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Save and print (Ctrl+Enter)</source>
        <translation>&amp;Save and print (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>C&amp;lear form</source>
        <translation>C&amp;lear form</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last visit:</source>
        <translation>Last visit:</translation>
    </message>
    <message>
        <location line="+158" />
        <source>Saved: {receipts}. Printing the receipt…</source>
        <translation>Saved: {receipts}. Printing the receipt…</translation>
    </message>
    <message>
        <location line="-122" />
        <source>Choose a service first, then add another one.</source>
        <translation>Choose a service first, then add another one.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Service added. Choose the next service of this visit.</source>
        <translation>Service added. Choose the next service of this visit.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Choose at least one service.</source>
        <translation>Choose at least one service.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Not saved yet. Change what is needed, then save again.</source>
        <translation>Not saved yet. Change what is needed, then save again.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Correct the personal number, then save again.</source>
        <translation>Correct the personal number, then save again.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Not saved. Tick the documents received, then save again.</source>
        <translation>Not saved. Tick the documents received, then save again.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>{receipts} — promised by {date}</source>
        <translation>{receipts} — promised by {date}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(returned for completion: {nos})</source>
        <translation>(returned for completion: {nos})</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Saved and printed: {no}.</source>
        <translation>Saved and printed: {no}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>To reprint: F2, then receipt number {no}.</source>
        <translation>To reprint: F2, then receipt number {no}.</translation>
    </message>
</context>
<context>
    <name>IntakeQuestions</name>
    <message>
        <location filename="../../ui/intake/confirm.py" line="+128" />
        <source>Check letter does not match</source>
        <translation>Check letter does not match</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Correct the number</source>
        <translation>&amp;Correct the number</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Keep it as typed</source>
        <translation>&amp;Keep it as typed</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Required documents are missing.</source>
        <translation>Required documents are missing.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Required documents missing for {service}: {documents}.</source>
        <translation>Required documents missing for {service}: {documents}.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Documents missing</source>
        <translation>Documents missing</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Return the request to the citizen for completion, or accept it anyway?</source>
        <translation>Return the request to the citizen for completion, or accept it anyway?</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Return for completion</source>
        <translation>&amp;Return for completion</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Accept anyway</source>
        <translation>&amp;Accept anyway</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Go &amp;back</source>
        <translation>Go &amp;back</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="-152" />
        <source>frontdesk — locked</source>
        <translation>frontdesk — locked</translation>
    </message>
    <message>
        <location line="+0" />
        <source>frontdesk — sign in</source>
        <translation>frontdesk — sign in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Workstation locked</source>
        <translation>Workstation locked</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The workstation was locked after a period without activity. Enter your password to continue.</source>
        <translation>The workstation was locked after a period without activity. Enter your password to continue.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>One-stop-shop counter. Sign in with your user name and password.</source>
        <translation>One-stop-shop counter. Sign in with your user name and password.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Only the signed-in user can unlock.</source>
        <translation>Only the signed-in user can unlock.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>You must choose a new password before you can work.</source>
        <translation>You must choose a new password before you can work.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="+275" />
        <source>frontdesk — {unit}, counter {ws}</source>
        <translation>frontdesk — {unit}, counter {ws}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>New request (Ctrl+1)</source>
        <translation>New request (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Worklist (Ctrl+2)</source>
        <translation>Worklist (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Request (Ctrl+3)</source>
        <translation>Request (Ctrl+3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>My day (Ctrl+T)</source>
        <translation>My day (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Screens</source>
        <translation>Screens</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Demo data: this workstation runs with fictitious demo data. Nothing here is a real request.</source>
        <translation>Demo data: this workstation runs with fictitious demo data. Nothing here is a real request.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scan / receipt no. (F2):</source>
        <translation>Scan / receipt no. (F2):</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scan or type, then Enter</source>
        <translation>Scan or type, then Enter</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1" />
        <source>H&amp;elp</source>
        <translation>H&amp;elp</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change &amp;password…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Lock workstation</source>
        <translation>&amp;Lock workstation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New request</source>
        <translation>&amp;New request</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Worklist</source>
        <translation>&amp;Worklist</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Request</source>
        <translation>&amp;Request</translation>
    </message>
    <message>
        <location line="+1" />
        <source>My &amp;day</source>
        <translation>My &amp;day</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Scan / find receipt</source>
        <translation>&amp;Scan / find receipt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Enlarge text</source>
        <translation>&amp;Enlarge text</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reduce text</source>
        <translation>&amp;Reduce text</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Normal text size</source>
        <translation>&amp;Normal text size</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{name} ({role}) · unit {unit} · workstation {ws}</source>
        <translation>{name} ({role}) · unit {unit} · workstation {ws}</translation>
    </message>
    <message>
        <location line="+98" />
        <source>Opened {no}.</source>
        <translation>Opened {no}.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Unsaved request</source>
        <translation>Unsaved request</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The new request on the intake page is not saved. Go back to it, or discard it?</source>
        <translation>The new request on the intake page is not saved. Go back to it, or discard it?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Go &amp;back to the request</source>
        <translation>Go &amp;back to the request</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Discard and sign out</source>
        <translation>&amp;Discard and sign out</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Discard and quit</source>
        <translation>&amp;Discard and quit</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Still saving or printing; try again in a moment.</source>
        <translation>Still saving or printing; try again in a moment.</translation>
    </message>
</context>
<context>
    <name>PeriodControls</name>
    <message>
        <location filename="../../ui/supervisor/period.py" line="+54" />
        <source>F&amp;rom:</source>
        <translation>F&amp;rom:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Group &amp;by:</source>
        <translation>Group &amp;by:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Group the report by</source>
        <translation>Group the report by</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/worklist.py" line="+51" />
        <source>Receipt no.</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Promised date</source>
        <translation>Promised date</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service standard</source>
        <translation>Service standard</translation>
    </message>
    <message>
        <location line="+3" />
        <source>On track</source>
        <translation>On track</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+83" />
        <source>priority</source>
        <translation>priority</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="-144" />
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Required: it is kept in the history and sent to the central system</source>
        <translation>Required: it is kept in the history and sent to the central system</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Go &amp;back</source>
        <translation>Go &amp;back</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Write the reason first.</source>
        <translation>Write the reason first.</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../ui/supervisor/reassign.py" line="+114" />
        <source>Reassign requests</source>
        <translation>Reassign requests</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Assign to:</source>
        <translation>&amp;Assign to:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assign to</source>
        <translation>Assign to</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Required, e.g. balancing the workload</source>
        <translation>Required, e.g. balancing the workload</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason for the reassignment</source>
        <translation>Reason for the reassignment</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;quests:</source>
        <translation>Re&amp;quests:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Requests to move (tick them)</source>
        <translation>Requests to move (tick them)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rea&amp;ssign</source>
        <translation>Rea&amp;ssign</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+15" />
        <source>{n} request(s) chosen.</source>
        <translation>{n} request(s) chosen.</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Reassigned {n} request(s) to {user}.</source>
        <translation>Reassigned {n} request(s) to {user}.</translation>
    </message>
</context>
<context>
    <name>RequestDetailPage</name>
    <message>
        <location filename="../../ui/detail.py" line="+283" />
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="-68" />
        <source>Scan a receipt (F2) or open a request from the worklist.</source>
        <translation>Scan a receipt (F2) or open a request from the worklist.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Receipt no.:</source>
        <translation>Receipt no.:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen:</source>
        <translation>Citizen:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Personal number:</source>
        <translation>Personal number:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents received:</source>
        <translation>Documents received:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents missing:</source>
        <translation>Documents missing:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fee paid:</source>
        <translation>Fee paid:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority:</source>
        <translation>Priority:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Promised date:</source>
        <translation>Promised date:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service standard:</source>
        <translation>Service standard:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assigned to:</source>
        <translation>Assigned to:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Satisfaction:</source>
        <translation>Satisfaction:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt prints:</source>
        <translation>Receipt prints:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Deliver to citizen…</source>
        <translation>&amp;Deliver to citizen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Void this in&amp;take…</source>
        <translation>Void this in&amp;take…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;print receipt</source>
        <translation>Re&amp;print receipt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previe&amp;w receipt</source>
        <translation>Previe&amp;w receipt</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Rea&amp;son:</source>
        <translation>Rea&amp;son:</translation>
    </message>
    <message>
        <location line="-6" />
        <source>Add n&amp;ote:</source>
        <translation>Add n&amp;ote:</translation>
    </message>
    <message>
        <location line="-20" />
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Messages:</source>
        <translation>Messages:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen's survey:</source>
        <translation>Citizen's survey:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaint about:</source>
        <translation>Complaint about:</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Citizen's survey…</source>
        <translation>&amp;Citizen's survey…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Turn the screen to the citizen: their own answers, once per request</source>
        <translation>Turn the screen to the citizen: their own answers, once per request</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reass&amp;ign to:</source>
        <translation>Reass&amp;ign to:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reason for the reassignment</source>
        <translation>Reason for the reassignment</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassign</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+2" />
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="-1" />
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+26" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Request {no} — {status}</source>
        <translation>Request {no} — {status}</translation>
    </message>
    <message>
        <location line="+12" />
        <source>{fee} lekë</source>
        <translation>{fee} lekë</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{n} of 5</source>
        <translation>{n} of 5</translation>
    </message>
    <message>
        <location line="+4" />
        <source>yes: told when it is ready or returned</source>
        <translation>yes: told when it is ready or returned</translation>
    </message>
    <message>
        <location line="+1" />
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <location line="+20" />
        <source>→ {status}</source>
        <translation>→ {status}</translation>
    </message>
    <message>
        <location line="+0" />
        <source>→ {status}…</source>
        <translation>→ {status}…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Change status to {status}</source>
        <translation>Change status to {status}</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Received at the counter ({status})</source>
        <translation>Received at the counter ({status})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status: {old} → {new}</source>
        <translation>Status: {old} → {new}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Intake voided: {reason}</source>
        <translation>Intake voided: {reason}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Delivered; satisfaction {n} of 5</source>
        <translation>Delivered; satisfaction {n} of 5</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delivered; no rating given</source>
        <translation>Delivered; no rating given</translation>
    </message>
    <message>
        <location line="+3" />
        <source>collected by an authorised person: {name}, document {id}</source>
        <translation>collected by an authorised person: {name}, document {id}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Reassigned from {old} to {new}: {reason}</source>
        <translation>Reassigned from {old} to {new}: {reason}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Note: {text}</source>
        <translation>Note: {text}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>at the counter</source>
        <translation>at the counter</translation>
    </message>
    <message>
        <location line="+0" />
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen's survey ({where}): {n} of 5</source>
        <translation>Citizen's survey ({where}): {n} of 5</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Receipt printed</source>
        <translation>Receipt printed</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Receipt reprinted (copy {n})</source>
        <translation>Receipt reprinted (copy {n})</translation>
    </message>
    <message>
        <location line="+5" />
        <source>reason: {reason}</source>
        <translation>reason: {reason}</translation>
    </message>
    <message>
        <location line="+52" />
        <location line="+28" />
        <source>Status changed to {status}.</source>
        <translation>Status changed to {status}.</translation>
    </message>
    <message>
        <location line="-19" />
        <source>Reject request {no}</source>
        <translation>Reject request {no}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The request will be rejected: the citizen gets no result and the decision cannot be undone. Write the reason, as the citizen will be told.</source>
        <translation>The request will be rejected: the citizen gets no result and the decision cannot be undone. Write the reason, as the citizen will be told.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Reject the request</source>
        <translation>&amp;Reject the request</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel request {no}</source>
        <translation>Cancel request {no}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The request will be cancelled and leaves every queue; this cannot be undone. Write the reason.</source>
        <translation>The request will be cancelled and leaves every queue; this cannot be undone. Write the reason.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Cancel the request</source>
        <translation>&amp;Cancel the request</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Void intake {no}</source>
        <translation>Void intake {no}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The intake will be voided: the request is cancelled, the fee is returned to the citizen and a void slip is printed. The receipt number is never used again. Write the reason.</source>
        <translation>The intake will be voided: the request is cancelled, the fee is returned to the citizen and a void slip is printed. The receipt number is never used again. Write the reason.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Void the intake</source>
        <translation>&amp;Void the intake</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Intake {no} voided. Printing the void slip…</source>
        <translation>Intake {no} voided. Printing the void slip…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Intake {no} voided; the void slip is printed.</source>
        <translation>Intake {no} voided; the void slip is printed.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Intake {no} voided.</source>
        <translation>Intake {no} voided.</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Delivered.</source>
        <translation>Delivered.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Delivered. Turn the screen to the citizen for their own survey.</source>
        <translation>Delivered. Turn the screen to the citizen for their own survey.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Thank you: the citizen's answers are saved.</source>
        <translation>Thank you: the citizen's answers are saved.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Note added.</source>
        <translation>Note added.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Reassigned.</source>
        <translation>Reassigned.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Receipt printed (copy {n}).</source>
        <translation>Receipt printed (copy {n}).</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <location filename="../../ui/intake/cart.py" line="+106" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Servi&amp;ce:</source>
        <translation>Servi&amp;ce:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Documents received:</source>
        <translation>&amp;Documents received:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Space ticks the highlighted document; bold ones are required</source>
        <translation>Space ticks the highlighted document; bold ones are required</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tick &amp;all (Ctrl+D)</source>
        <translation>Tick &amp;all (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fee pa&amp;id:</source>
        <translation>Fee pa&amp;id:</translation>
    </message>
    <message>
        <location line="+2" />
        <source> lekë</source>
        <translation> lekë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>N&amp;ote:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Complaint a&amp;bout receipt:</source>
        <translation>Complaint a&amp;bout receipt:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>receipt number, if there is one</source>
        <translation>receipt number, if there is one</translation>
    </message>
    <message>
        <location line="+20" />
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <location line="+20" />
        <source>No service chosen yet.</source>
        <translation>No service chosen yet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Chosen: {service}.</source>
        <translation>Chosen: {service}.</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <location filename="../../ui/service_picker.py" line="+55" />
        <source>Type a code or part of the name…</source>
        <translation>Type a code or part of the name…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search service</source>
        <translation>Search service</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Matching services</source>
        <translation>Matching services</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Used most at this counter</source>
        <translation>Used most at this counter</translation>
    </message>
    <message>
        <location line="+3" />
        <source>All services</source>
        <translation>All services</translation>
    </message>
    <message>
        <location line="+24" />
        <source>{name}, fee {fee} lekë, standard {days} working days</source>
        <translation>{name}, fee {fee} lekë, standard {days} working days</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No service matches.</source>
        <translation>No service matches.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{service}; {i} of {n}</source>
        <translation>{service}; {i} of {n}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+66" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Data directory:</source>
        <translation>Data directory:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Printer:</source>
        <translation>&amp;Printer:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;aper:</source>
        <translation>P&amp;aper:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Text size:</source>
        <translation>&amp;Text size:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lock after &amp;idle minutes:</source>
        <translation>Lock after &amp;idle minutes:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Central &amp;server:</source>
        <translation>Central &amp;server:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>empty: system default; none: do not print</source>
        <translation>empty: system default; none: do not print</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt roll 80 mm</source>
        <translation>Receipt roll 80 mm</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A5 sheet</source>
        <translation>A5 sheet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lock after idle minutes</source>
        <translation>Lock after idle minutes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+1" />
        <source>https://… (empty: work offline)</source>
        <translation>https://… (empty: work offline)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Central server address</source>
        <translation>Central server address</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help.py" line="+133" />
        <location line="+1" />
        <location line="+2" />
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What they do</source>
        <translation>What they do</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <location line="+0" />
        <source>next / previous field; out of a table or list</source>
        <translation>next / previous field; out of a table or list</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arrows</source>
        <translation>Arrows</translation>
    </message>
    <message>
        <location line="+0" />
        <source>move inside a table or list</source>
        <translation>move inside a table or list</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+0" />
        <source>next field on the intake page; open the highlighted request</source>
        <translation>next field on the intake page; open the highlighted request</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alt + underlined letter</source>
        <translation>Alt + underlined letter</translation>
    </message>
    <message>
        <location line="+0" />
        <source>the field or button of that letter</source>
        <translation>the field or button of that letter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <location line="+0" />
        <source>tick the highlighted document</source>
        <translation>tick the highlighted document</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Escape</source>
        <translation>Escape</translation>
    </message>
    <message>
        <location line="+0" />
        <source>close a question or dialog without changing anything</source>
        <translation>close a question or dialog without changing anything</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+0" />
        <source>a scanned receipt opens its request from any page</source>
        <translation>a scanned receipt opens its request from any page</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <location filename="../../ui/supervisor/__init__.py" line="+125" />
        <source>Workload (Ctrl+4)</source>
        <translation>Workload (Ctrl+4)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Workload</source>
        <translation>&amp;Workload</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Dashboard (Ctrl+5)</source>
        <translation>Dashboard (Ctrl+5)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Audit (Ctrl+6)</source>
        <translation>Audit (Ctrl+6)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Audit trail</source>
        <translation>&amp;Audit trail</translation>
    </message>
    <message>
        <location line="-7" />
        <source>Administration (Ctrl+7)</source>
        <translation>Administration (Ctrl+7)</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Citizens (Ctrl+8)</source>
        <translation>Citizens (Ctrl+8)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>What the &amp;citizens say</source>
        <translation>What the &amp;citizens say</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Catalogue and users</source>
        <translation>&amp;Catalogue and users</translation>
    </message>
    <message>
        <location line="+6" />
        <source>S&amp;upervision</source>
        <translation>S&amp;upervision</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ad&amp;ministration</source>
        <translation>Ad&amp;ministration</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <location filename="../../ui/survey.py" line="+120" />
        <source>How did it go?</source>
        <translation>How did it go?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Please tell us how it went with request {no} ({service}). It takes a minute; your answers are yours, not the clerk's.</source>
        <translation>Please tell us how it went with request {no} ({service}). It takes a minute; your answers are yours, not the clerk's.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Was the promised date kept?</source>
        <translation>Was the promised date kept?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Was the service clear?</source>
        <translation>Was the service clear?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Overall: 5 = very satisfied, 1 = not at all</source>
        <translation>Overall: 5 = very satisfied, 1 = not at all</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} of 5</source>
        <translation>{n} of 5</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Co&amp;mment (optional):</source>
        <translation>Co&amp;mment (optional):</translation>
    </message>
    <message>
        <location line="+2" />
        <source>S&amp;end</source>
        <translation>S&amp;end</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Not now</source>
        <translation>&amp;Not now</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Choose how it went overall, from 1 to 5.</source>
        <translation>Choose how it went overall, from 1 to 5.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="+151" />
        <source>Sync &amp;now</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sync &amp;health…</source>
        <translation>Sync &amp;health…</translation>
    </message>
    <message>
        <location line="+48" />
        <location line="+13" />
        <source>Syncing with the central server…</source>
        <translation>Syncing with the central server…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This workstation is not connected to a central server: ask IT to enrol it.</source>
        <translation>This workstation is not connected to a central server: ask IT to enrol it.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The sync health panel is for supervisors.</source>
        <translation>The sync health panel is for supervisors.</translation>
    </message>
</context>
<context>
    <name>SyncHealthDialog</name>
    <message>
        <location filename="../../ui/sync_health.py" line="+150" />
        <source>Sync health</source>
        <translation>Sync health</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sync with the central server</source>
        <translation>Sync with the central server</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Current state</source>
        <translation>Current state</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Central server:</source>
        <translation>Central server:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last contact:</source>
        <translation>Last contact:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Oldest request not yet sent:</source>
        <translation>Oldest request not yet sent:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changes waiting to be sent:</source>
        <translation>Changes waiting to be sent:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last error:</source>
        <translation>Last error:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This desk's clock:</source>
        <translation>This desk's clock:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Audit trail, as the central system holds it:</source>
        <translation>Audit trail, as the central system holds it:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changes from the central system this desk set aside</source>
        <translation>Changes from the central system this desk set aside</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt no. / kind</source>
        <translation>Receipt no. / kind</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Set aside</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Changes refused by the central system</source>
        <translation>Changes refused by the central system</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No refused changes.</source>
        <translation>No refused changes.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Receipt no.</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <location line="-4" />
        <location line="+4" />
        <source>Why, and what to do</source>
        <translation>Why, and what to do</translation>
    </message>
    <message>
        <location line="+4" />
        <source>WARNING: the central system suspects this workstation is a copy of another one. Sync is stopped. Keep serving citizens, do not copy or restore this computer, and call the municipality's IT now.</source>
        <translation>WARNING: the central system suspects this workstation is a copy of another one. Sync is stopped. Keep serving citizens, do not copy or restore this computer, and call the municipality's IT now.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sync &amp;now</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Dismiss selected</source>
        <translation>&amp;Dismiss selected</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove the selected refused changes from this list (supervisors)</source>
        <translation>Remove the selected refused changes from this list (supervisors)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+9" />
        <source>none (this workstation works offline only)</source>
        <translation>none (this workstation works offline only)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{age} ago (at {time})</source>
        <translation>{age} ago (at {time})</translation>
    </message>
    <message>
        <location line="+5" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+3" />
        <source>waiting for {age} (since {time})</source>
        <translation>waiting for {age} (since {time})</translation>
    </message>
    <message>
        <location line="+5" />
        <source>none: everything was sent</source>
        <translation>none: everything was sent</translation>
    </message>
    <message>
        <location line="+6" />
        <source>not anchored yet</source>
        <translation>not anchored yet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>in order (up to entry {seq})</source>
        <translation>in order (up to entry {seq})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>FLAGGED: the trail was cut back or rewritten. Call IT.</source>
        <translation>FLAGGED: the trail was cut back or rewritten. Call IT.</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Only a supervisor may dismiss refused changes.</source>
        <translation>Only a supervisor may dismiss refused changes.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>{n} refused change(s) dismissed.</source>
        <translation>{n} refused change(s) dismissed.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../ui/today.py" line="+140" />
        <source>My day</source>
        <translation>My day</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Intakes and fees by service</source>
        <translation>Intakes and fees by service</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+4" />
        <location line="+5" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Intakes</source>
        <translation>Intakes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Fees (lekë)</source>
        <translation>Fees (lekë)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>My intakes</source>
        <translation>My intakes</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+5" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="-5" />
        <location line="+5" />
        <source>Receipt no.</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location line="-5" />
        <location line="+5" />
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Fee (lekë)</source>
        <translation>Fee (lekë)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>My deliveries</source>
        <translation>My deliveries</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Cash-up slip…</source>
        <translation>&amp;Cash-up slip…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>My day — {date}</source>
        <translation>My day — {date}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} intakes, fees {fee} lekë; {d} deliveries; {v} voided</source>
        <translation>{n} intakes, fees {fee} lekë; {d} deliveries; {v} voided</translation>
    </message>
    <message>
        <location line="+20" />
        <source>{fee} — voided</source>
        <translation>{fee} — voided</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Cash-up slip</source>
        <translation>Cash-up slip</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The cash-up slip is printed.</source>
        <translation>The cash-up slip is printed.</translation>
    </message>
</context>
<context>
    <name>VisitCart</name>
    <message>
        <location filename="../../ui/intake/cart.py" line="+76" />
        <source>Services in this visit</source>
        <translation>Services in this visit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add ano&amp;ther service (Ctrl+N)</source>
        <translation>Add ano&amp;ther service (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Re&amp;move service</source>
        <translation>Re&amp;move service</translation>
    </message>
    <message>
        <location line="+21" />
        <source>{name} ({n} documents)</source>
        <translation>{name} ({n} documents)</translation>
    </message>
</context>
<context>
    <name>VisitSummary</name>
    <message>
        <location filename="../../ui/intake/confirm.py" line="-109" />
        <source>Visit summary</source>
        <translation>Visit summary</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save this visit?</source>
        <translation>Save this visit?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Save and print</source>
        <translation>&amp;Save and print</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Go &amp;back</source>
        <translation>Go &amp;back</translation>
    </message>
    <message>
        <location line="+6" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{fee} lekë</source>
        <translation>{fee} lekë</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Citizen: {name}, personal number {nid}</source>
        <translation>Citizen: {name}, personal number {nid}</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+11" />
        <source>Documents received: {docs}</source>
        <translation>Documents received: {docs}</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+11" />
        <source>Required, missing: {docs}</source>
        <translation>Required, missing: {docs}</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+12" />
        <source>Total fee of the visit: {fee} lekë ({n} services)</source>
        <translation>Total fee of the visit: {fee} lekë ({n} services)</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../ui/worklist.py" line="+163" />
        <source>Worklist</source>
        <translation>Worklist</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fi&amp;nd:</source>
        <translation>Fi&amp;nd:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Assigned to:</source>
        <translation>&amp;Assigned to:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Servi&amp;ce:</source>
        <translation>Servi&amp;ce:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only &amp;overdue</source>
        <translation>Only &amp;overdue</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Any part of a name, a phone, a personal or receipt number</source>
        <translation>Any part of a name, a phone, a personal or receipt number</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location line="+4" />
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Me</source>
        <translation>Me</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nobody</source>
        <translation>Nobody</translation>
    </message>
    <message>
        <location line="+6" />
        <source>All services</source>
        <translation>All services</translation>
    </message>
    <message>
        <location line="+59" />
        <source>More than {n} requests: narrow the search</source>
        <translation>More than {n} requests: narrow the search</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{total} requests</source>
        <translation>{total} requests</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Nothing found for “{text}”. Try part of the surname, the phone, or the personal or receipt number.</source>
        <translation>Nothing found for “{text}”. Try part of the surname, the phone, or the personal or receipt number.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No request matches these filters.</source>
        <translation>No request matches these filters.</translation>
    </message>
</context>
<context>
    <name>WorklistReassign</name>
    <message>
        <location filename="../../ui/supervisor/reassign.py" line="+45" />
        <source>Reass&amp;ign selected…</source>
        <translation>Reass&amp;ign selected…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move the selected requests to another clerk (Ctrl+click to select several)</source>
        <translation>Move the selected requests to another clerk (Ctrl+click to select several)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Select one or more requests first.</source>
        <translation>Select one or more requests first.</translation>
    </message>
</context>
<context>
    <name>WorkloadPage</name>
    <message>
        <location filename="../../ui/supervisor/workload.py" line="+88" />
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open requests whose clock runs (received, forwarded, in progress), by service standard. Select a clerk to open their queue or move some of their requests.</source>
        <translation>Open requests whose clock runs (received, forwarded, in progress), by service standard. Select a clerk to open their queue or move some of their requests.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On track</source>
        <translation>On track</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Oldest open</source>
        <translation>Oldest open</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received today</source>
        <translation>Received today</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delivered today</source>
        <translation>Delivered today</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Workload per clerk</source>
        <translation>Workload per clerk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open queue in the worklist</source>
        <translation>&amp;Open queue in the worklist</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;balance…</source>
        <translation>Re&amp;balance…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose some of this clerk's open requests and give them to another</source>
        <translation>Choose some of this clerk's open requests and give them to another</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Nobody (unassigned)</source>
        <translation>Nobody (unassigned)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{n} on track</source>
        <translation>{n} on track</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{n} due soon</source>
        <translation>{n} due soon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{n} overdue</source>
        <translation>{n} overdue</translation>
    </message>
    <message>
        <location line="+42" />
        <location line="+7" />
        <source>Select a clerk first.</source>
        <translation>Select a clerk first.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This clerk has no open requests to move.</source>
        <translation>This clerk has no open requests to move.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="+65" />
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location line="+1" />
        <source>An unexpected error happened. What was already saved is safe; nothing was half-written. The details are in the log file:
{path}

Please tell IT what you were doing.</source>
        <translation>An unexpected error happened. What was already saved is safe; nothing was half-written. The details are in the log file:
{path}

Please tell IT what you were doing.</translation>
    </message>
    <message>
        <location line="+131" />
        <source>frontdesk cannot start</source>
        <translation>frontdesk cannot start</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The data directory {path} could not be opened: {error}

The details are in the log file.</source>
        <translation>The data directory {path} could not be opened: {error}

The details are in the log file.</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../audit.py" line="+190" />
        <source>Entries {first}–{last} are missing (deleted) before entry {seq}.</source>
        <translation>Entries {first}–{last} are missing (deleted) before entry {seq}.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entry {seq} does not link to the entry before it (inserted or re-chained).</source>
        <translation>Entry {seq} does not link to the entry before it (inserted or re-chained).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entry {seq} was changed after it was written (its hash does not match).</source>
        <translation>Entry {seq} was changed after it was written (its hash does not match).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The last entries, from {first} to {last}, were deleted.</source>
        <translation>The last entries, from {first} to {last}, were deleted.</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <location filename="../../catalog_format.py" line="+148" />
        <source>must be a JSON object</source>
        <translation>must be a JSON object</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be a list</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <location line="+1" />
        <source>required field is missing</source>
        <translation>required field is missing</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown field (allowed: {allowed})</source>
        <translation>unknown field (allowed: {allowed})</translation>
    </message>
    <message>
        <location line="+1" />
        <source>this field appears twice in the same object</source>
        <translation>this field appears twice in the same object</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be text</source>
        <translation>must be text</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must not be empty</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be at most {max} characters long</source>
        <translation>must be at most {max} characters long</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be true or false</source>
        <translation>must be true or false</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be "frontdesk-catalog/1"</source>
        <translation>must be "frontdesk-catalog/1"</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be 2–32 capital letters A–Z, digits or hyphens, not starting with a hyphen</source>
        <translation>must be 2–32 capital letters A–Z, digits or hyphens, not starting with a hyphen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>must be a whole number of working days between 0 and 365</source>
        <translation>must be a whole number of working days between 0 and 365</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be a whole number of lek between 0 and 100000000</source>
        <translation>must be a whole number of lek between 0 and 100000000</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be "ALL" (Albanian lek)</source>
        <translation>must be "ALL" (Albanian lek)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be "central" or "local"</source>
        <translation>must be "central" or "local"</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the catalogue lists no services</source>
        <translation>the catalogue lists no services</translation>
    </message>
    <message>
        <location line="+1" />
        <source>service code {code} is already used on line {first}</source>
        <translation>service code {code} is already used on line {first}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>document code {code} is already used in this service on line {first}</source>
        <translation>document code {code} is already used in this service on line {first}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>invalid JSON: {detail} (column {column})</source>
        <translation>invalid JSON: {detail} (column {column})</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the file is not UTF-8 text</source>
        <translation>the file is not UTF-8 text</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the JSON is nested too deeply</source>
        <translation>the JSON is nested too deeply</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a number has more than {digits} digits</source>
        <translation>a number has more than {digits} digits</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the file is larger than {mb} MB: it is not a catalogue</source>
        <translation>the file is larger than {mb} MB: it is not a catalogue</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../auth.py" line="+105" />
        <location filename="../../numbering.py" line="+165" />
        <location filename="../../setup.py" line="+86" />
        <source>This workstation is not initialised yet (run init).</source>
        <translation>This workstation is not initialised yet (run init).</translation>
    </message>
    <message>
        <location filename="../../passwords.py" line="+59" />
        <source>The password must have at least {n} characters.</source>
        <translation>The password must have at least {n} characters.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The password can have at most {n} characters.</source>
        <translation>The password can have at most {n} characters.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This password is too easy to guess. Use three or four unrelated words, for example lule-dritare-kafe-bregdet: no names, dates, keyboard rows or common words.</source>
        <translation>This password is too easy to guess. Use three or four unrelated words, for example lule-dritare-kafe-bregdet: no names, dates, keyboard rows or common words.</translation>
    </message>
    <message>
        <location filename="../../auth.py" line="-67" />
        <source>This desk is enrolled: user accounts are managed on the central system (ask the municipality's IT).</source>
        <translation>This desk is enrolled: user accounts are managed on the central system (ask the municipality's IT).</translation>
    </message>
    <message>
        <location line="+83" />
        <location filename="../../rules/roles.py" line="+47" />
        <source>Your role ({role}) does not allow this action.</source>
        <translation>Your role ({role}) does not allow this action.</translation>
    </message>
    <message>
        <location line="+7" />
        <location filename="../../workflow/changes.py" line="+164" />
        <source>There is no user {username}.</source>
        <translation>There is no user {username}.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>A user name has 2–64 characters: small letters, digits, dot, dash or underscore.</source>
        <translation>A user name has 2–64 characters: small letters, digits, dot, dash or underscore.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unknown role {role}: use clerk, supervisor or admin.</source>
        <translation>Unknown role {role}: use clerk, supervisor or admin.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The full name is required.</source>
        <translation>The full name is required.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>User {username} already exists.</source>
        <translation>User {username} already exists.</translation>
    </message>
    <message>
        <location line="+73" />
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location line="-43" />
        <location line="+157" />
        <source>This account has been deactivated.</source>
        <translation>This account has been deactivated.</translation>
    </message>
    <message>
        <location line="-99" />
        <source>Too many failed sign-ins: the account is locked until {until}.</source>
        <translation>Too many failed sign-ins: the account is locked until {until}.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wrong user name or password. Tries left before the account is locked for {minutes} minutes: {left}.</source>
        <translation>Wrong user name or password. Tries left before the account is locked for {minutes} minutes: {left}.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This account is waiting for the central administrator: it was offered when this desk was enrolled.</source>
        <translation>This account is waiting for the central administrator: it was offered when this desk was enrolled.</translation>
    </message>
    <message>
        <location line="+14" />
        <location filename="../../sync/accounts.py" line="+76" />
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <location line="+4" />
        <location filename="../../sync/accounts.py" line="-12" />
        <source>The new password must differ from the current one.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <location line="+51" />
        <source>You cannot deactivate your own account.</source>
        <translation>You cannot deactivate your own account.</translation>
    </message>
    <message>
        <location filename="../../catalog_format.py" line="-81" />
        <source>The catalogue {source} has {count} problem(s):
{details}</source>
        <translation>The catalogue {source} has {count} problem(s):
{details}</translation>
    </message>
    <message>
        <location line="+337" />
        <source>Service field {where}: {problem}</source>
        <translation>Service field {where}: {problem}</translation>
    </message>
    <message>
        <location filename="../../catalog.py" line="+155" />
        <source>A service with code {code} already exists.</source>
        <translation>A service with code {code} already exists.</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Service {code} comes from the central catalogue; it is set there.</source>
        <translation>Service {code} comes from the central catalogue; it is set there.</translation>
    </message>
    <message>
        <location line="+46" />
        <location filename="../../workflow/intake.py" line="+143" />
        <source>There is no service with code {code}.</source>
        <translation>There is no service with code {code}.</translation>
    </message>
    <message>
        <location filename="../../errors.py" line="+72" />
        <source>The check letter of personal number {nid} does not match (expected {expected}). Check the document; confirm only if the number is typed exactly as printed.</source>
        <translation>The check letter of personal number {nid} does not match (expected {expected}). Check the document; confirm only if the number is typed exactly as printed.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Required documents missing for service {service}: {codes}.</source>
        <translation>Required documents missing for service {service}: {codes}.</translation>
    </message>
    <message>
        <location filename="../../identity.py" line="+106" />
        <location line="+135" />
        <source>A personal number has {expected} characters; this one has {n}.</source>
        <translation>A personal number has {expected} characters; this one has {n}.</translation>
    </message>
    <message>
        <location line="-126" />
        <source>The first character of a personal number is the decade letter, from A (1900s) to {last} ({last_decade}s); {char} is not one.</source>
        <translation>The first character of a personal number is the decade letter, from A (1900s) to {last} ({last_decade}s); {char} is not one.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The second character of a personal number is the year digit; {char} is not a digit.</source>
        <translation>The second character of a personal number is the year digit; {char} is not a digit.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The birth year {year} of this personal number is in the future.</source>
        <translation>The birth year {year} of this personal number is in the future.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>The month code {code} is not valid: it must be 01–12 or 51–62 (citizens), 31–42 or 81–92 (foreigners).</source>
        <translation>The month code {code} is not valid: it must be 01–12 or 51–62 (citizens), 31–42 or 81–92 (foreigners).</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The day of birth {day} in this personal number is impossible.</source>
        <translation>The day of birth {day} in this personal number is impossible.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The birth date {date} of this personal number is in the future.</source>
        <translation>The birth date {date} of this personal number is in the future.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Characters 7 to 9 of a personal number are digits (the serial); {serial} is not.</source>
        <translation>Characters 7 to 9 of a personal number are digits (the serial); {serial} is not.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The last character of a personal number is a letter; {char} is not.</source>
        <translation>The last character of a personal number is a letter; {char} is not.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>The day of birth {day} in this personal number is impossible for {month:02d}/{year}.</source>
        <translation>The day of birth {day} in this personal number is impossible for {month:02d}/{year}.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The personal number is required.</source>
        <translation>The personal number is required.</translation>
    </message>
    <message>
        <location line="+45" />
        <source>{n} of {expected} characters of the personal number.</source>
        <translation>{n} of {expected} characters of the personal number.</translation>
    </message>
    <message>
        <location filename="../../numbering.py" line="-116" />
        <source>The unit code {code} is not valid: use 2 to 6 capital letters A–Z or digits.</source>
        <translation>The unit code {code} is not valid: use 2 to 6 capital letters A–Z or digits.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The workstation code {code} is not valid: use 1 to 4 capital letters A–Z or digits.</source>
        <translation>The workstation code {code} is not valid: use 1 to 4 capital letters A–Z or digits.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Receipt number {receipt_no} would be longer than {max} characters: this workstation has run out of numbers. Enrol it again with a shorter or new workstation code.</source>
        <translation>Receipt number {receipt_no} would be longer than {max} characters: this workstation has run out of numbers. Enrol it again with a shorter or new workstation code.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>{receipt_no} is not a receipt number.</source>
        <translation>{receipt_no} is not a receipt number.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The check character of receipt number {receipt_no} is wrong — the number was mistyped or misread.</source>
        <translation>The check character of receipt number {receipt_no} is wrong — the number was mistyped or misread.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>This desk was restored from a backup: it gives out new receipt numbers once it has synced with the central system, so that no number is given twice. Connect it and sync, or ask IT.</source>
        <translation>This desk was restored from a backup: it gives out new receipt numbers once it has synced with the central system, so that no number is given twice. Connect it and sync, or ask IT.</translation>
    </message>
    <message>
        <location filename="../../queries.py" line="+140" />
        <source>No request with receipt number {receipt_no}.</source>
        <translation>No request with receipt number {receipt_no}.</translation>
    </message>
    <message>
        <location line="+140" />
        <location filename="../../rules/transitions.py" line="+22" />
        <location filename="../../workflow/changes.py" line="-108" />
        <source>Unknown status {status}.</source>
        <translation>Unknown status {status}.</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Cannot sort by {column}.</source>
        <translation>Cannot sort by {column}.</translation>
    </message>
    <message>
        <location filename="../../receipts/data.py" line="+63" />
        <source>No request has the receipt number {receipt_no}.</source>
        <translation>No request has the receipt number {receipt_no}.</translation>
    </message>
    <message>
        <location filename="../../setup.py" line="-23" />
        <source>The unit name is required.</source>
        <translation>The unit name is required.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This data directory is already initialised as workstation {ws} of unit {unit}.</source>
        <translation>This data directory is already initialised as workstation {ws} of unit {unit}.</translation>
    </message>
    <message>
        <location filename="../../workflow/intake.py" line="-84" />
        <source>The citizen's name is required.</source>
        <translation>The citizen's name is required.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The name can have at most {n} characters.</source>
        <translation>The name can have at most {n} characters.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The phone number may contain only digits, spaces and + - ( ).</source>
        <translation>The phone number may contain only digits, spaces and + - ( ).</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The e-mail address does not look right (e.g. emri@shembull.al).</source>
        <translation>The e-mail address does not look right (e.g. emri@shembull.al).</translation>
    </message>
    <message>
        <location line="+65" />
        <source>Service {code} is no longer offered.</source>
        <translation>Service {code} is no longer offered.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A request can list at most {n} documents.</source>
        <translation>A request can list at most {n} documents.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Service {code} does not ask for document {doc}.</source>
        <translation>Service {code} does not ask for document {doc}.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The fee paid cannot be negative.</source>
        <translation>The fee paid cannot be negative.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Choose at least one service.</source>
        <translation>Choose at least one service.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>One visit can have at most {n} requests.</source>
        <translation>One visit can have at most {n} requests.</translation>
    </message>
    <message>
        <location filename="../../rules/roles.py" line="+31" />
        <source>{username} is not a user of this unit on the central system.</source>
        <translation>{username} is not a user of this unit on the central system.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The account of {username} was not active at the time of this change.</source>
        <translation>The account of {username} was not active at the time of this change.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The role of {username} did not allow this action at the time.</source>
        <translation>The role of {username} did not allow this action at the time.</translation>
    </message>
    <message>
        <location filename="../../rules/snapshots.py" line="+157" />
        <location line="+15" />
        <location filename="../../rules/transitions.py" line="+3" />
        <source>Request {receipt_no} is {status}: it cannot become {target}.</source>
        <translation>Request {receipt_no} is {status}: it cannot become {target}.</translation>
    </message>
    <message>
        <location filename="../../rules/transitions.py" line="+15" />
        <source>A delivery ends in status delivered.</source>
        <translation>A delivery ends in status delivered.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A delivery records who collected the result.</source>
        <translation>A delivery records who collected the result.</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Request {receipt_no} was reassigned to {assignee} in the meantime.</source>
        <translation>Request {receipt_no} was reassigned to {assignee} in the meantime.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Only the clerk who received a request can void it.</source>
        <translation>Only the clerk who received a request can void it.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Request {receipt_no} can be voided only on the day it was received.</source>
        <translation>Request {receipt_no} can be voided only on the day it was received.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Request {receipt_no} is {status}: it can no longer be voided.</source>
        <translation>Request {receipt_no} is {status}: it can no longer be voided.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Request {receipt_no} is {status}: its survey opens after it is handed over, rejected or returned.</source>
        <translation>Request {receipt_no} is {status}: its survey opens after it is handed over, rejected or returned.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The survey of request {receipt_no} has already been answered.</source>
        <translation>The survey of request {receipt_no} has already been answered.</translation>
    </message>
    <message>
        <location filename="../../rules/fields.py" line="+17" />
        <source>This field is required.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The text contains an invisible control character (often from a copy and paste); type it again.</source>
        <translation>The text contains an invisible control character (often from a copy and paste); type it again.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The text can have at most {n} characters.</source>
        <translation>The text can have at most {n} characters.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The fee paid must be a whole number of lek from 0 to {max}.</source>
        <translation>The fee paid must be a whole number of lek from 0 to {max}.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>The public address must look like https://bashkia.example/qytetaret.</source>
        <translation>The public address must look like https://bashkia.example/qytetaret.</translation>
    </message>
    <message>
        <location filename="../../rules/origin.py" line="+25" />
        <location filename="../../rules/snapshots.py" line="-52" />
        <source>{receipt_no} is not a valid receipt number (check character).</source>
        <translation>{receipt_no} is not a valid receipt number (check character).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{receipt_no} is not written in its canonical form.</source>
        <translation>{receipt_no} is not written in its canonical form.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Receipt number {receipt_no} belongs to another unit or workstation.</source>
        <translation>Receipt number {receipt_no} belongs to another unit or workstation.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Receipt number {receipt_no} is ahead of its workstation's counter ({counter}).</source>
        <translation>Receipt number {receipt_no} is ahead of its workstation's counter ({counter}).</translation>
    </message>
    <message>
        <location line="+24" />
        <source>A time in this change ({time}) is older than the central system accepts ({days} days).</source>
        <translation>A time in this change ({time}) is older than the central system accepts ({days} days).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>A time in this change ({time}) is in the future: check this desk's clock.</source>
        <translation>A time in this change ({time}) is in the future: check this desk's clock.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>A time in this change ({time}) is outside the range this desk accepts.</source>
        <translation>A time in this change ({time}) is outside the range this desk accepts.</translation>
    </message>
    <message>
        <location filename="../../rules/events.py" line="+70" />
        <source>The {kind} event's {key} is missing or not valid.</source>
        <translation>The {kind} event's {key} is missing or not valid.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unknown event kind {kind}.</source>
        <translation>Unknown event kind {kind}.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The {kind} event cannot carry {key}.</source>
        <translation>The {kind} event cannot carry {key}.</translation>
    </message>
    <message>
        <location line="+58" />
        <source>A {kind} event does not change the status.</source>
        <translation>A {kind} event does not change the status.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A {kind} event cannot end in status {status}.</source>
        <translation>A {kind} event cannot end in status {status}.</translation>
    </message>
    <message>
        <location line="+7" />
        <location filename="../../rules/snapshots.py" line="-61" />
        <source>The change names workstation {named}, not {workstation}.</source>
        <translation>The change names workstation {named}, not {workstation}.</translation>
    </message>
    <message>
        <location filename="../../rules/snapshots.py" line="-29" />
        <source>The promised date {due} does not fit a standard of {days} working days.</source>
        <translation>The promised date {due} does not fit a standard of {days} working days.</translation>
    </message>
    <message>
        <location line="+25" />
        <location line="+83" />
        <source>Request {receipt_no} names unit {named}, not {unit}.</source>
        <translation>Request {receipt_no} names unit {named}, not {unit}.</translation>
    </message>
    <message>
        <location line="-72" />
        <source>A new request needs its intake event.</source>
        <translation>A new request needs its intake event.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Request {receipt_no} does not arrive as a new request.</source>
        <translation>Request {receipt_no} does not arrive as a new request.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Service {code} is not in a catalogue the central system published.</source>
        <translation>Service {code} is not in a catalogue the central system published.</translation>
    </message>
    <message>
        <location line="+18" />
        <location filename="../../workflow/intake.py" line="-100" />
        <source>To be told when the request is ready, give a phone number or an e-mail.</source>
        <translation>To be told when the request is ready, give a phone number or an e-mail.</translation>
    </message>
    <message>
        <location line="+5" />
        <location filename="../../workflow/intake.py" line="+10" />
        <source>Only a complaint names the receipt it is about.</source>
        <translation>Only a complaint names the receipt it is about.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A complaint cannot be about itself.</source>
        <translation>A complaint cannot be about itself.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Request {receipt_no} was updated before it was received.</source>
        <translation>Request {receipt_no} was updated before it was received.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The promised date of request {receipt_no} is not plausible.</source>
        <translation>The promised date of request {receipt_no} is not plausible.</translation>
    </message>
    <message>
        <location filename="../../rules/roles.py" line="-53" />
        <source>Only a supervisor can cancel a request.</source>
        <translation>Only a supervisor can cancel a request.</translation>
    </message>
    <message>
        <location filename="../../rules/events.py" line="-4" />
        <location filename="../../rules/transitions.py" line="-69" />
        <source>Only a return for completion names missing documents.</source>
        <translation>Only a return for completion names missing documents.</translation>
    </message>
    <message>
        <location filename="../../workflow/changes.py" line="+43" />
        <source>The satisfaction rating must be a whole number from 1 to 5.</source>
        <translation>The satisfaction rating must be a whole number from 1 to 5.</translation>
    </message>
    <message>
        <location filename="../../rules/roles.py" line="+2" />
        <source>Only a supervisor can reassign requests.</source>
        <translation>Only a supervisor can reassign requests.</translation>
    </message>
    <message>
        <location filename="../../workflow/changes.py" line="+4" />
        <source>Say who collected the result.</source>
        <translation>Say who collected the result.</translation>
    </message>
    <message>
        <location line="+54" />
        <source>Give a reason for the reassignment.</source>
        <translation>Give a reason for the reassignment.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choose at least one request.</source>
        <translation>Choose at least one request.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{username} cannot take requests (inactive or not counter staff).</source>
        <translation>{username} cannot take requests (inactive or not counter staff).</translation>
    </message>
    <message>
        <location line="+79" />
        <source>Choose how it went overall, from 1 to 5.</source>
        <translation>Choose how it went overall, from 1 to 5.</translation>
    </message>
    <message>
        <location filename="../../rules/transitions.py" line="+18" />
        <source>Request {receipt_no} is {status} and cannot be reassigned.</source>
        <translation>Request {receipt_no} is {status} and cannot be reassigned.</translation>
    </message>
    <message>
        <location filename="../../workflow/changes.py" line="-40" />
        <source>The note is empty.</source>
        <translation>The note is empty.</translation>
    </message>
    <message>
        <location filename="../../standards.py" line="+158" />
        <source>The end date {date_to} is before the start date {date_from}.</source>
        <translation>The end date {date_to} is before the start date {date_from}.</translation>
    </message>
    <message>
        <location filename="../../reports.py" line="+179" />
        <source>A report is grouped by service, clerk or unit, not {by}.</source>
        <translation>A report is grouped by service, clerk or unit, not {by}.</translation>
    </message>
    <message>
        <location filename="../../sync/accounts.py" line="-24" />
        <source>This desk is not enrolled with a central system.</source>
        <translation>This desk is not enrolled with a central system.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>This desk cannot reach the central system ({problem}).</source>
        <translation>This desk cannot reach the central system ({problem}).</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Changing a password needs the central system, and it cannot be reached now. Try again later.</source>
        <translation>Changing a password needs the central system, and it cannot be reached now. Try again later.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The central system refused the new password: {why}</source>
        <translation>The central system refused the new password: {why}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The central system refused the change: {why}</source>
        <translation>The central system refused the change: {why}</translation>
    </message>
    <message>
        <location line="+25" />
        <source>The central anchor could not be read ({problem}).</source>
        <translation>The central anchor could not be read ({problem}).</translation>
    </message>
    <message>
        <location filename="../../wire_rows.py" line="+42" />
        <location line="+49" />
        <location line="+12" />
        <source>This change cannot be recorded: {problem}.</source>
        <translation>This change cannot be recorded: {problem}.</translation>
    </message>
    <message>
        <location filename="../../db.py" line="+291" />
        <location filename="../../dbfiles.py" line="+199" />
        <source>{file} does not open with this key, or it is not a frontdesk database.</source>
        <translation>{file} does not open with this key, or it is not a frontdesk database.</translation>
    </message>
    <message>
        <location filename="../../dbfiles.py" line="-20" />
        <location filename="../../dbkey.py" line="+138" />
        <location filename="../../vault.py" line="+53" />
        <source>{file} is not a frontdesk database.</source>
        <translation>{file} is not a frontdesk database.</translation>
    </message>
    <message>
        <location line="+3" />
        <location filename="../../vault.py" line="-13" />
        <source>{file} is not encrypted: it is not a backup of this version.</source>
        <translation>{file} is not encrypted: it is not a backup of this version.</translation>
    </message>
    <message>
        <location filename="../../dbkey.py" line="-37" />
        <source>This is not a valid recovery code: it has 32 letters and digits in groups of four, as printed when the desk was set up.</source>
        <translation>This is not a valid recovery code: it has 32 letters and digits in groups of four, as printed when the desk was set up.</translation>
    </message>
    <message>
        <location line="+155" />
        <source>The key of the database {file} is not on this computer (OS keyring locked or reset?). Restore it with: frontdesk key recover (the recovery code, or ask the central administrator).</source>
        <translation>The key of the database {file} is not on this computer (OS keyring locked or reset?). Restore it with: frontdesk key recover (the recovery code, or ask the central administrator).</translation>
    </message>
    <message>
        <location filename="../../cli/common.py" line="+87" />
        <source>The value of {option} is not valid text (UTF-8).</source>
        <translation>The value of {option} is not valid text (UTF-8).</translation>
    </message>
    <message>
        <location line="+63" />
        <location line="+7" />
        <source>Standard input is not valid text (UTF-8).</source>
        <translation>Standard input is not valid text (UTF-8).</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Nothing was given on standard input.</source>
        <translation>Nothing was given on standard input.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The line on standard input is too long.</source>
        <translation>The line on standard input is too long.</translation>
    </message>
    <message>
        <location line="+20" />
        <location filename="../../restore.py" line="+143" />
        <source>{path} is the live database: choose another file.</source>
        <translation>{path} is the live database: choose another file.</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+42" />
        <source>{path} is a folder: name a file in it.</source>
        <translation>{path} is a folder: name a file in it.</translation>
    </message>
    <message>
        <location line="-31" />
        <source>{path} is not a file name.</source>
        <translation>{path} is not a file name.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{path} cannot be written: {reason}.</source>
        <translation>{path} cannot be written: {reason}.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>There is no file {path}.</source>
        <translation>There is no file {path}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{path} cannot be read: {reason}.</source>
        <translation>{path} cannot be read: {reason}.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{path} is larger than {mb} MB: it is not a file this command reads.</source>
        <translation>{path} is larger than {mb} MB: it is not a file this command reads.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>{option}: expected a date as YYYY-MM-DD, got {value}.</source>
        <translation>{option}: expected a date as YYYY-MM-DD, got {value}.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{option}: the date must lie between {first} and {last}.</source>
        <translation>{option}: the date must lie between {first} and {last}.</translation>
    </message>
    <message>
        <location filename="../../restore.py" line="-3" />
        <source>--skip must be a whole number from 0 to {max}.</source>
        <translation>--skip must be a whole number from 0 to {max}.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>The backup {file} failed the check ({problem}): nothing was restored.</source>
        <translation>The backup {file} failed the check ({problem}): nothing was restored.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The backup is of workstation {ws} of unit {unit}, this desk is {here}: restoring it here would make this desk a copy of another.</source>
        <translation>The backup is of workstation {ws} of unit {unit}, this desk is {here}: restoring it here would make this desk a copy of another.</translation>
    </message>
    <message>
        <location filename="../../ui/services.py" line="+37" />
        <source>Request {receipt_no} was not voided.</source>
        <translation>Request {receipt_no} was not voided.</translation>
    </message>
    <message>
        <location filename="../../citizen_report.py" line="+32" />
        <source>Unknown grouping {by}.</source>
        <translation>Unknown grouping {by}.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The end date is before the start date.</source>
        <translation>The end date is before the start date.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="+82" />
        <source>The database is busy (another program on this computer is using it). Nothing was saved; try again in a moment.</source>
        <translation>The database is busy (another program on this computer is using it). Nothing was saved; try again in a moment.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>The disk is full. Nothing was saved; free some space and try again.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Permission denied when writing a file ({path}). Ask IT to check the data directory.</source>
        <translation>Permission denied when writing a file ({path}). Ask IT to check the data directory.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Something went wrong. Nothing was half-written; the details are in the log file. Please tell IT what you were doing.</source>
        <translation>Something went wrong. Nothing was half-written; the details are in the log file. Please tell IT what you were doing.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../ui/printing.py" line="+71" />
        <source>No printer is set up on this workstation. The request is saved: choose a printer in the settings and reprint the receipt.</source>
        <translation>No printer is set up on this workstation. The request is saved: choose a printer in the settings and reprint the receipt.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The printer {printer} is not available. The request is saved: reprint the receipt when the printer is back, or choose another printer.</source>
        <translation>The printer {printer} is not available. The request is saved: reprint the receipt when the printer is back, or choose another printer.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The printer {printer} is stopped or is not accepting jobs. The request is saved: reprint the receipt when the printer is back, or choose another printer.</source>
        <translation>The printer {printer} is stopped or is not accepting jobs. The request is saved: reprint the receipt when the printer is back, or choose another printer.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Printing on {printer} could not start. The request is saved: check the printer (paper, cover, cable) and reprint the receipt.</source>
        <translation>Printing on {printer} could not start. The request is saved: check the printer (paper, cover, cable) and reprint the receipt.</translation>
    </message>
    <message>
        <location line="+182" />
        <source>Receipt preview</source>
        <translation>Receipt preview</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Pages to print</source>
        <translation>Pages to print</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Print</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location line="+3" />
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../ui/services.py" line="-9" />
        <source>Printing is switched off in the settings (printer: none). The request is saved: choose a printer in the settings and reprint the receipt.</source>
        <translation>Printing is switched off in the settings (printer: none). The request is saved: choose a printer in the settings and reprint the receipt.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Printing is switched off in the settings (printer: none). Choose a printer, then print again.</source>
        <translation>Printing is switched off in the settings (printer: none). Choose a printer, then print again.</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../standards.py" line="+145" />
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="-426" />
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>sla</name>
    <message>
        <location filename="../../deadlines.py" line="+39" />
        <source>On track</source>
        <translation>On track</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../lifecycle.py" line="+15" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Forwarded</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ready for collection</source>
        <translation>Ready for collection</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Returned for completion</source>
        <translation>Returned for completion</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../ui/sync_words.py" line="+64" />
        <source>less than a minute</source>
        <translation>less than a minute</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{n} days</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location line="+34" />
        <source>No error.</source>
        <translation>No error.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The central server cannot be reached (network down or server stopped). Work continues here; everything is sent when the connection is back.</source>
        <translation>The central server cannot be reached (network down or server stopped). Work continues here; everything is sent when the connection is back.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The central server's certificate is not trusted: the address may be wrong, or something on the network is pretending to be the server. Nothing was sent. Work continues here; call IT.</source>
        <translation>The central server's certificate is not trusted: the address may be wrong, or something on the network is pretending to be the server. Nothing was sent. Work continues here; call IT.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Sync is stopped: the central system suspects this workstation is a copy of another one (its receipt counter went backwards). Keep working, but call the municipality's IT now.</source>
        <translation>Sync is stopped: the central system suspects this workstation is a copy of another one (its receipt counter went backwards). Keep working, but call the municipality's IT now.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This workstation is not connected to a central server.</source>
        <translation>This workstation is not connected to a central server.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The central system refused this workstation. It must be enrolled again: call IT.</source>
        <translation>The central system refused this workstation. It must be enrolled again: call IT.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The workstation's key cannot be read from the system's keyring. Call IT.</source>
        <translation>The workstation's key cannot be read from the system's keyring. Call IT.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The central server reported an error. It is tried again automatically.</source>
        <translation>The central server reported an error. It is tried again automatically.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sync failed ({reason}). It is tried again automatically.</source>
        <translation>Sync failed ({reason}). It is tried again automatically.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>New request</source>
        <translation>New request</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status change</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassignment</source>
        <translation>Reassignment</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt print</source>
        <translation>Receipt print</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re-sent request</source>
        <translation>Re-sent request</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Voided by mistake</source>
        <translation>Voided by mistake</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit service</source>
        <translation>Unit service</translation>
    </message>
    <message>
        <location line="+8" />
        <source>nobody</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Someone else reassigned this request first; it is now with {assignee}. Check and reassign again if needed.</source>
        <translation>Someone else reassigned this request first; it is now with {assignee}. Check and reassign again if needed.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The request had already moved on elsewhere (it is now: {status}), so this change was not applied. Open the request, check it and repeat the step if it is still needed.</source>
        <translation>The request had already moved on elsewhere (it is now: {status}), so this change was not applied. Open the request, check it and repeat the step if it is still needed.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The central system does not know this request, so the change was not applied. Call IT and give them the receipt number.</source>
        <translation>The central system does not know this request, so the change was not applied. Call IT and give them the receipt number.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The central system already has this receipt number for another request: this workstation may be a copy of another one. Call IT now.</source>
        <translation>The central system already has this receipt number for another request: this workstation may be a copy of another one. Call IT now.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This change belongs to another administrative unit and was refused. Call IT.</source>
        <translation>This change belongs to another administrative unit and was refused. Call IT.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The central system could not accept the data of this change. Call IT and give them the receipt number.</source>
        <translation>The central system could not accept the data of this change. Call IT and give them the receipt number.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The user who made this change may not do it at the central system. Ask a supervisor to do it again.</source>
        <translation>The user who made this change may not do it at the central system. Ask a supervisor to do it again.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The user who made this change is not an account of this unit on the central system. Ask IT to accept or create the account.</source>
        <translation>The user who made this change is not an account of this unit on the central system. Ask IT to accept or create the account.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This change names another workstation than this one and was refused. Call IT.</source>
        <translation>This change names another workstation than this one and was refused. Call IT.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The receipt number of this change does not belong to this workstation, or its check character is wrong. Call IT and give them the receipt number.</source>
        <translation>The receipt number of this change does not belong to this workstation, or its check character is wrong. Call IT and give them the receipt number.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The time of this change is outside what the central system accepts: check this computer's date and clock, then call IT.</source>
        <translation>The time of this change is outside what the central system accepts: check this computer's date and clock, then call IT.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The central system refused this change ({reason}). Call IT and give them the receipt number.</source>
        <translation>The central system refused this change ({reason}). Call IT and give them the receipt number.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The central system sent a request that cannot belong here (another unit, or a receipt number that clashes with this desk's). It was not applied. Call IT.</source>
        <translation>The central system sent a request that cannot belong here (another unit, or a receipt number that clashes with this desk's). It was not applied. Call IT.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The central system sent a change with an impossible date; it was not applied. Check this computer's clock, then call IT.</source>
        <translation>The central system sent a change with an impossible date; it was not applied. Check this computer's clock, then call IT.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The central system sent a change that would move a finished request back; it was not applied. Call IT and give them the receipt number.</source>
        <translation>The central system sent a change that would move a finished request back; it was not applied. Call IT and give them the receipt number.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The central system sent a change this desk cannot read; it was not applied. Call IT.</source>
        <translation>The central system sent a change this desk cannot read; it was not applied. Call IT.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>not measured yet</source>
        <translation>not measured yet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>right (within two minutes of the central system)</source>
        <translation>right (within two minutes of the central system)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{age} ahead of the central system: set the clock</source>
        <translation>{age} ahead of the central system: set the clock</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{age} behind the central system: set the clock</source>
        <translation>{age} behind the central system: set the clock</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Not connected to a central server</source>
        <translation>Not connected to a central server</translation>
    </message>
    <message>
        <location line="+2" />
        <source>last sync {time}</source>
        <translation>last sync {time}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sync stopped: call IT</source>
        <translation>Sync stopped: call IT</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Errors: {n} rejected</source>
        <translation>Errors: {n} rejected</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Errors: {n} rejected (tell a supervisor)</source>
        <translation>Errors: {n} rejected (tell a supervisor)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{n} pending</source>
        <translation>{n} pending</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Offline: central server unreachable since {time}</source>
        <translation>Offline: central server unreachable since {time}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Sync problem: {reason}</source>
        <translation>Sync problem: {reason}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Online ({last})</source>
        <translation>Online ({last})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
</context>
</TS>