<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sq" sourcelanguage="en">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/supervisor/admin.py" line="+135" />
        <source>Administration</source>
        <translation>Administrimi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service catalogue</source>
        <translation>Katalogu i shërbimeve</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+16" />
        <source>Users</source>
        <translation>Përdoruesit</translation>
    </message>
    <message>
        <location line="-13" />
        <source>Code</source>
        <translation>Kodi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Emërtimi</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../ui/supervisor/admin_dialogs.py" line="+64" />
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fee (lekë)</source>
        <translation>Tarifa (lekë)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard (days)</source>
        <translation>Standardi (ditë)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Origin</source>
        <translation>Burimi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offered</source>
        <translation>Ofrohet</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Services</source>
        <translation>Shërbimet</translation>
    </message>
    <message>
        <location line="+2" />
        <location filename="../../ui/supervisor/admin_dialogs.py" line="+66" />
        <source>User name</source>
        <translation>Emri i përdoruesit</translation>
    </message>
    <message>
        <location line="+0" />
        <location filename="../../ui/supervisor/admin_dialogs.py" line="+4" />
        <source>Full name</source>
        <translation>Emri i plotë</translation>
    </message>
    <message>
        <location line="+0" />
        <location filename="../../ui/supervisor/admin_dialogs.py" line="+4" />
        <source>Role</source>
        <translation>Roli</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Password</source>
        <translation>Fjalëkalimi</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Add local service…</source>
        <translation>Shto shërbim &amp;vendor…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add &amp;user…</source>
        <translation>Shto &amp;përdorues…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reset password…</source>
        <translation>&amp;Rivendos fjalëkalimin…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Un&amp;lock sign-in</source>
        <translation>Zh&amp;blloko hyrjen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lift the lock after too many wrong passwords</source>
        <translation>Hiq bllokimin pas shumë fjalëkalimeve të gabuara</translation>
    </message>
    <message>
        <location line="+15" />
        <source>yes</source>
        <translation>po</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>jo</translation>
    </message>
    <message>
        <location line="+12" />
        <source>local</source>
        <translation>vendor</translation>
    </message>
    <message>
        <location line="+0" />
        <source>central</source>
        <translation>qendror</translation>
    </message>
    <message>
        <location line="+17" />
        <source>temporary (must change)</source>
        <translation>i përkohshëm (duhet ndryshuar)</translation>
    </message>
    <message>
        <location line="+43" />
        <source>&amp;Withdraw service</source>
        <translation>&amp;Tërhiq shërbimin</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Offer service again</source>
        <translation>&amp;Ofroje sërish shërbimin</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only local services can be withdrawn here; open requests stay</source>
        <translation>Këtu tërhiqen vetëm shërbimet vendore; kërkesat e hapura mbeten</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Deactivate user</source>
        <translation>Ç&amp;aktivizo përdoruesin</translation>
    </message>
    <message>
        <location line="+0" />
        <source>A&amp;ctivate user</source>
        <translation>A&amp;ktivizo përdoruesin</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Service {code} is offered again.</source>
        <translation>Shërbimi {code} ofrohet sërish.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Service {code} is withdrawn; its open requests stay.</source>
        <translation>Shërbimi {code} u tërhoq; kërkesat e tij të hapura mbeten.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>User {user} is active again.</source>
        <translation>Përdoruesi {user} është sërish aktiv.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>User {user} is deactivated.</source>
        <translation>Përdoruesi {user} u çaktivizua.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>User {user} can sign in again.</source>
        <translation>Përdoruesi {user} mund të hyjë sërish.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/admin_dialogs.py" line="-94" />
        <source>One per line: CODE | Albanian name | English name | optional</source>
        <translation>Një për rresht: KODI | emri shqip | emri anglisht | opsional</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Add a local service</source>
        <translation>Shto një shërbim vendor</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Code:</source>
        <translation>&amp;Kodi:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service code</source>
        <translation>Kodi i shërbimit</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Name in Al&amp;banian:</source>
        <translation>Emri në sh&amp;qip:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name in Albanian</source>
        <translation>Emri në shqip</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Name in &amp;English:</source>
        <translation>Emri në &amp;anglisht:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name in English</source>
        <translation>Emri në anglisht</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ca&amp;tegory:</source>
        <translation>Ka&amp;tegoria:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Fee (lekë):</source>
        <translation>Ta&amp;rifa (lekë):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fee in lekë</source>
        <translation>Tarifa në lekë</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Standard (working days):</source>
        <translation>Sta&amp;ndardi (ditë pune):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard processing time in working days</source>
        <translation>Koha standarde e shqyrtimit në ditë pune</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Office:</source>
        <translation>&amp;Zyra:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Office that handles it</source>
        <translation>Zyra që e trajton</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Documents:</source>
        <translation>&amp;Dokumentet:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents, one per line</source>
        <translation>Dokumentet, një për rresht</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+62" />
        <source>&amp;Add</source>
        <translation>&amp;Shto</translation>
    </message>
    <message>
        <location line="-61" />
        <location line="+62" />
        <location line="+38" />
        <source>Cancel</source>
        <translation>Anulo</translation>
    </message>
    <message>
        <location line="-95" />
        <source>Service {code} added.</source>
        <translation>Shërbimi {code} u shtua.</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Add a user</source>
        <translation>Shto një përdorues</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;User name:</source>
        <translation>Emri i &amp;përdoruesit:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Full name:</source>
        <translation>Emri i p&amp;lotë:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Role:</source>
        <translation>&amp;Roli:</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+38" />
        <source>&amp;Temporary password:</source>
        <translation>Fjalëkalimi i për&amp;kohshëm:</translation>
    </message>
    <message>
        <location line="-37" />
        <location line="+38" />
        <source>Temporary password</source>
        <translation>Fjalëkalimi i përkohshëm</translation>
    </message>
    <message>
        <location line="-30" />
        <source>User {user} added; they must change the password at the first sign-in.</source>
        <translation>Përdoruesi {user} u shtua; duhet të ndryshojë fjalëkalimin në hyrjen e parë.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Reset the password of {user}</source>
        <translation>Rivendos fjalëkalimin e {user}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Reset</source>
        <translation>&amp;Rivendos</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Password of {user} reset; they must change it at the next sign-in.</source>
        <translation>Fjalëkalimi i {user} u rivendos; duhet ta ndryshojë në hyrjen e ardhshme.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/supervisor/audit_view.py" line="+39" />
        <source>Sign-in</source>
        <translation>Hyrje</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed sign-in</source>
        <translation>Hyrje e dështuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign-out</source>
        <translation>Dalje</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New request</source>
        <translation>Kërkesë e re</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status change</source>
        <translation>Ndryshim gjendjeje</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassignment</source>
        <translation>Rishpërndarje</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delivery</source>
        <translation>Dorëzim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt printed</source>
        <translation>Mandatë e shtypur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Catalogue import</source>
        <translation>Import katalogu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Catalogue change</source>
        <translation>Ndryshim katalogu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User added</source>
        <translation>Përdorues i shtuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User changed</source>
        <translation>Përdorues i ndryshuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password changed</source>
        <translation>Fjalëkalim i ndryshuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Shënim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen's survey</source>
        <translation>Pyetësori i qytetarit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Backup</source>
        <translation>Kopje rezervë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Synchronisation</source>
        <translation>Sinkronizim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Database key</source>
        <translation>Çelësi i bazës së të dhënave</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Restore from a backup</source>
        <translation>Rikthim nga kopja rezervë</translation>
    </message>
    <message>
        <location line="+123" />
        <source>Audit trail</source>
        <translation>Gjurma e auditimit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fi&amp;nd:</source>
        <translation>&amp;Kërko:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt no., user name, code…</source>
        <translation>Nr. i mandatës, përdoruesi, kodi…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find in the audit trail</source>
        <translation>Kërko në gjurmën e auditimit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Who:</source>
        <translation>K&amp;ush:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter by user</source>
        <translation>Filtro sipas përdoruesit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Action:</source>
        <translation>&amp;Veprimi:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter by action</source>
        <translation>Filtro sipas veprimit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Dates from</source>
        <translation>Da&amp;tat nga</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter by dates</source>
        <translation>Filtro sipas datave</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First day</source>
        <translation>Dita e parë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>t&amp;o</source>
        <translation>d&amp;eri</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last day</source>
        <translation>Dita e fundit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Refresh</source>
        <translation>&amp;Rifresko</translation>
    </message>
    <message>
        <location line="+1" />
        <source>O&amp;lder entries</source>
        <translation>Regjistrime më të &amp;hershme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the next {n} older entries</source>
        <translation>Shfaq {n} regjistrimet e mëparshme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Verify &amp;chain</source>
        <translation>Verifiko &amp;zinxhirin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check that no entry was changed, removed or inserted</source>
        <translation>Kontrollo që asnjë regjistrim nuk është ndryshuar, fshirë apo shtuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Audit entries</source>
        <translation>Regjistrimet e auditimit</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time</source>
        <translation>Koha</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Who</source>
        <translation>Kush</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Workstation</source>
        <translation>Sporteli</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action</source>
        <translation>Veprimi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Details</source>
        <translation>Hollësitë</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Everyone</source>
        <translation>Të gjithë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All actions</source>
        <translation>Të gjitha veprimet</translation>
    </message>
    <message>
        <location line="+78" />
        <source>The newest {n} entries; older ones follow.</source>
        <translation>{n} regjistrimet më të reja; ka edhe më të hershme.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} entries</source>
        <translation>{n} regjistrime</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Checking the chain…</source>
        <translation>Po kontrollohet zinxhiri…</translation>
    </message>
    <message>
        <location line="+22" />
        <source>The audit trail is intact: all {n} entries are unchanged and in order.</source>
        <translation>Gjurma e auditimit është e paprekur: të {n} regjistrimet janë të pandryshuara dhe në rregull.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The audit trail has been tampered with. {why}</source>
        <translation>Gjurma e auditimit është ndërhyrë. {why}</translation>
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
        <translation>nga {old} te {new}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>satisfaction {n} of 5</source>
        <translation>kënaqësia {n} nga 5</translation>
    </message>
    <message>
        <location line="+4" />
        <source>copy {n}</source>
        <translation>kopja {n}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>original</source>
        <translation>origjinali</translation>
    </message>
    <message>
        <location line="+10" />
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not active</source>
        <translation>joaktiv</translation>
    </message>
    <message>
        <location line="+6" />
        <source>reason: {reason}</source>
        <translation>arsyeja: {reason}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/login.py" line="+248" />
        <source>Change password</source>
        <translation>Ndrysho fjalëkalimin</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your password was reset: choose a new one of at least 8 characters.</source>
        <translation>Fjalëkalimi juaj u rivendos: zgjidhni një të ri me të paktën 8 shenja.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose a new password of at least 8 characters.</source>
        <translation>Zgjidhni një fjalëkalim të ri me të paktën 8 shenja.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Current password:</source>
        <translation>Fjalëkalimi &amp;aktual:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New password:</source>
        <translation>Fjalëkalimi i &amp;ri:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Përsëritni fjalëkalimin e ri:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Change pass&amp;word</source>
        <translation>Ndrysho &amp;fjalëkalimin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Anulo</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The two new passwords differ.</source>
        <translation>Dy fjalëkalimet e reja nuk përputhen.</translation>
    </message>
</context>
<context>
    <name>CitizenForm</name>
    <message>
        <location filename="../../ui/intake/citizen.py" line="+88" />
        <source>Citizen</source>
        <translation>Qytetari</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Personal number:</source>
        <translation>Numri &amp;personal:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>e.g. J00101999W</source>
        <translation>p.sh. J00101999W</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Use these details (F4)</source>
        <translation>Përdor këto të &amp;dhëna (F4)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Full &amp;name:</source>
        <translation>&amp;Emri i plotë:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>P&amp;hone:</source>
        <translation>&amp;Telefoni:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>E-mail, if kno&amp;wn:</source>
        <translation>Posta e&amp;lektronike, nëse ka:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>optional, for messages</source>
        <translation>jo e detyrueshme, për njoftime</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tell b&amp;y SMS or e-mail when ready or returned (the citizen agrees)</source>
        <translation>Njoftim me SMS ose postë elektronike &amp;kur është gati ose kthehet (qytetari pranon)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only with the citizen's consent; the phone number or the e-mail is needed</source>
        <translation>Vetëm me pëlqimin e qytetarit; duhet numri i telefonit ose posta elektronike</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;riority (elderly or disabled citizen)</source>
        <translation>Përparës&amp;i (i moshuar ose me aftësi të kufizuara)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Personal number is valid.</source>
        <translation>Numri personal është i vlefshëm.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>You will be asked to confirm when saving.</source>
        <translation>Do t'ju kërkohet konfirmim kur të ruani.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Known from an earlier visit: {details}</source>
        <translation>I njohur nga një vizitë e mëparshme: {details}</translation>
    </message>
</context>
<context>
    <name>CitizensPage</name>
    <message>
        <location filename="../../ui/supervisor/citizens.py" line="+77" />
        <source>What the citizens say</source>
        <translation>Çfarë thonë qytetarët</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The citizens' own answers (survey at the counter, from the receipt's QR code or the message) beside the ratings clerks typed at delivery — never mixed — and the complaints about the requests of each group.</source>
        <translation>Përgjigjet e vetë qytetarëve (pyetësori në sportel, nga kodi QR i dëshmisë ose nga njoftimi) pranë vlerësimeve që punonjësit shënuan në dorëzim — kurrë të përziera — dhe ankesat për kërkesat e secilit grup.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>First day</source>
        <translation>Dita e parë</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Last day</source>
        <translation>Dita e fundit</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Group</source>
        <translation>Grupi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizens'
answers</source>
        <translation>Përgjigjet e
qytetarëve</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizens:
overall (1–5)</source>
        <translation>Qytetarët: në
përgjithësi (1–5)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizens:
date kept</source>
        <translation>Qytetarët:
afati u mbajt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizens:
service clear</source>
        <translation>Qytetarët:
shërbim i qartë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clerk
ratings</source>
        <translation>Vlerësimet e
punonjësve</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clerk
rating (1–5)</source>
        <translation>Vlerësimi i
punonjësit (1–5)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaints</source>
        <translation>Ankesat</translation>
    </message>
    <message>
        <location line="+3" />
        <source>What the citizens say, per group</source>
        <translation>Çfarë thonë qytetarët, sipas grupit</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Computing…</source>
        <translation>Po llogaritet…</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Total</source>
        <translation>Gjithsej</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not linked to a request or a clerk</source>
        <translation>Pa lidhje me një kërkesë ose punonjës</translation>
    </message>
    <message>
        <location line="+23" />
        <source>No survey answers, clerk ratings or complaints in these days.</source>
        <translation>Asnjë përgjigje pyetësori, vlerësim punonjësi ose ankesë në këto ditë.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/supervisor/dashboard.py" line="+150" />
        <location line="+113" />
        <source>Service</source>
        <translation>Shërbimi</translation>
    </message>
    <message>
        <location line="-111" />
        <location line="+111" />
        <source>Clerk</source>
        <translation>Punonjësi</translation>
    </message>
    <message>
        <location line="-109" />
        <location line="+109" />
        <source>Unit</source>
        <translation>Njësia</translation>
    </message>
    <message>
        <location line="-108" />
        <source>Received</source>
        <translation>Të marra</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Completed</source>
        <translation>Të përfunduara</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On time</source>
        <translation>Në kohë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Median (days)</source>
        <translation>Mediana (ditë)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P90 (days)</source>
        <translation>P90 (ditë)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open overdue</source>
        <translation>Të hapura me vonesë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Returned</source>
        <translation>Kthyer për plotësim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Avg rating</source>
        <translation>Vlerësimi mesatar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ratings</source>
        <translation>Vlerësime</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+218" />
        <source>Performance against the service standards</source>
        <translation>Performanca kundrejt standardeve të shërbimit</translation>
    </message>
    <message>
        <location line="-217" />
        <source>First day received</source>
        <translation>Dita e parë e marrjes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Last day received</source>
        <translation>Dita e fundit e marrjes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;CSV…</source>
        <translation>Eksporto &amp;CSV…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export &amp;PDF…</source>
        <translation>Eksporto &amp;PDF…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Computing the report</source>
        <translation>Po llogaritet raporti</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Performance per group</source>
        <translation>Performanca sipas grupit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On-time share per week</source>
        <translation>Pjesa në kohë për javë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Services by open overdue requests</source>
        <translation>Shërbimet sipas kërkesave të hapura me vonesë</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Computing…</source>
        <translation>Po llogaritet…</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Total</source>
        <translation>Gjithsej</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Nobody (unassigned)</source>
        <translation>Askush (pa caktuar)</translation>
    </message>
    <message>
        <location line="+21" />
        <source>On-time share per week (%)</source>
        <translation>Pjesa në kohë për javë (%)</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Week beginning</source>
        <translation>Java që fillon më</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Services by open overdue requests (received in the period)</source>
        <translation>Shërbimet sipas kërkesave të hapura me vonesë (të marra në periudhë)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clerks by open overdue requests (received in the period)</source>
        <translation>Punonjësit sipas kërkesave të hapura me vonesë (të marra në periudhë)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units by open overdue requests (received in the period)</source>
        <translation>Njësitë sipas kërkesave të hapura me vonesë (të marra në periudhë)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Overdue</source>
        <translation>Me vonesë</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Open requests past their promised date</source>
        <translation>Kërkesa të hapura përtej datës së premtuar</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export CSV</source>
        <translation>Eksporto CSV</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV files (*.csv)</source>
        <translation>Skedarë CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Export PDF</source>
        <translation>Eksporto PDF</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PDF files (*.pdf)</source>
        <translation>Skedarë PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Saved {path}.</source>
        <translation>Ruajtur: {path}.</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="+174" />
        <source>Deliver to citizen</source>
        <translation>Dorëzo te qytetari</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Who collects the result?</source>
        <translation>Kush e tërheq përgjigjen?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The &amp;citizen: {name}</source>
        <translation>&amp;Qytetari vetë: {name}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>An au&amp;thorised person</source>
        <translation>Një person i a&amp;utorizuar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Full &amp;name:</source>
        <translation>&amp;Emri i plotë:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full name of the authorised person</source>
        <translation>Emri i plotë i personit të autorizuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Identity document no.:</source>
        <translation>Nr. i dokumentit të &amp;identitetit:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identity document number of the authorised person</source>
        <translation>Numri i dokumentit të identitetit të personit të autorizuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Satisfaction: 5 = very satisfied, 1 = not at all</source>
        <translation>Kënaqësia: 5 = shumë i kënaqur, 1 = aspak</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} of 5</source>
        <translation>{n} nga 5</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Skip</source>
        <translation>&amp;Pa vlerësim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No rating</source>
        <translation>Pa vlerësim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Deliver</source>
        <translation>&amp;Dorëzo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Go &amp;back</source>
        <translation>Kthehu &amp;mbrapa</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Write the authorised person's full name and identity document number.</source>
        <translation>Shkruani emrin e plotë dhe numrin e dokumentit të identitetit të personit të autorizuar.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/intake/__init__.py" line="+162" />
        <source>New request</source>
        <translation>Kërkesë e re</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+1" />
        <source>New request: show the visit's summary, then save and print</source>
        <translation>Kërkesë e re: shfaq përmbledhjen e vizitës, pastaj ruaj dhe printo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New request: take the citizen's details from an earlier visit</source>
        <translation>Kërkesë e re: merr të dhënat e qytetarit nga një vizitë e mëparshme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New request: add another service to the visit</source>
        <translation>Kërkesë e re: shto një shërbim tjetër në vizitë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New request: tick all documents</source>
        <translation>Kërkesë e re: shëno të gjitha dokumentet</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Save and print (Ctrl+Enter)</source>
        <translation>&amp;Ruaj dhe printo (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>C&amp;lear form</source>
        <translation>Pastro form&amp;ularin</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last visit:</source>
        <translation>Vizita e fundit:</translation>
    </message>
    <message>
        <location line="+158" />
        <source>Saved: {receipts}. Printing the receipt…</source>
        <translation>U ruajt: {receipts}. Po printohet mandata…</translation>
    </message>
    <message>
        <location line="-122" />
        <source>Choose a service first, then add another one.</source>
        <translation>Zgjidhni fillimisht një shërbim, pastaj shtoni një tjetër.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Service added. Choose the next service of this visit.</source>
        <translation>Shërbimi u shtua. Zgjidhni shërbimin tjetër të kësaj vizite.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Choose at least one service.</source>
        <translation>Zgjidhni të paktën një shërbim.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Not saved yet. Change what is needed, then save again.</source>
        <translation>Ende e paruajtur. Ndryshoni atë që duhet, pastaj ruajeni përsëri.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Saving…</source>
        <translation>Duke ruajtur…</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Correct the personal number, then save again.</source>
        <translation>Korrigjoni numrin personal, pastaj ruani përsëri.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Not saved. Tick the documents received, then save again.</source>
        <translation>Nuk u ruajt. Shënoni dokumentet e dorëzuara, pastaj ruani përsëri.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>{receipts} — promised by {date}</source>
        <translation>{receipts} — premtuar deri më {date}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(returned for completion: {nos})</source>
        <translation>(kthyer për plotësim: {nos})</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Saved and printed: {no}.</source>
        <translation>U ruajt dhe u printua: {no}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>To reprint: F2, then receipt number {no}.</source>
        <translation>Për ta riprintuar: F2, pastaj numri i mandatës {no}.</translation>
    </message>
</context>
<context>
    <name>IntakeQuestions</name>
    <message>
        <location filename="../../ui/intake/confirm.py" line="+128" />
        <source>Check letter does not match</source>
        <translation>Shkronja e kontrollit nuk përputhet</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Correct the number</source>
        <translation>&amp;Korrigjo numrin</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Keep it as typed</source>
        <translation>&amp;Mbaje siç është shkruar</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Required documents are missing.</source>
        <translation>Mungojnë dokumente të detyrueshme.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Required documents missing for {service}: {documents}.</source>
        <translation>Për shërbimin «{service}» mungojnë dokumentet e detyrueshme: {documents}.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Documents missing</source>
        <translation>Mungojnë dokumente</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Return the request to the citizen for completion, or accept it anyway?</source>
        <translation>Ta ktheni kërkesën te qytetari për plotësim, apo ta pranoni gjithsesi?</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Return for completion</source>
        <translation>&amp;Kthe për plotësim</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Accept anyway</source>
        <translation>&amp;Prano gjithsesi</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Go &amp;back</source>
        <translation>Kthehu &amp;mbrapa</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="-152" />
        <source>frontdesk — locked</source>
        <translation>frontdesk — e kyçur</translation>
    </message>
    <message>
        <location line="+0" />
        <source>frontdesk — sign in</source>
        <translation>frontdesk — hyrja</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Workstation locked</source>
        <translation>Stacioni i punës është i kyçur</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sign in</source>
        <translation>Hyrja</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The workstation was locked after a period without activity. Enter your password to continue.</source>
        <translation>Stacioni i punës u kyç pas një periudhe pa aktivitet. Shkruani fjalëkalimin për të vazhduar.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>One-stop-shop counter. Sign in with your user name and password.</source>
        <translation>Sporteli i Zyrës me Një Ndalesë. Hyni me emrin e përdoruesit dhe fjalëkalimin.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;User name:</source>
        <translation>&amp;Përdoruesi:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password:</source>
        <translation>&amp;Fjalëkalimi:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Sign in</source>
        <translation>&amp;Hyr</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign &amp;out</source>
        <translation>&amp;Dil nga llogaria</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>&amp;Mbyll programin</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Enter your user name and password.</source>
        <translation>Shkruani emrin e përdoruesit dhe fjalëkalimin.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Checking…</source>
        <translation>Duke kontrolluar…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Only the signed-in user can unlock.</source>
        <translation>Vetëm përdoruesi i identifikuar mund ta zhbllokojë.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>You must choose a new password before you can work.</source>
        <translation>Duhet të zgjidhni një fjalëkalim të ri përpara se të punoni.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="+275" />
        <source>frontdesk — {unit}, counter {ws}</source>
        <translation>frontdesk — {unit}, sporteli {ws}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>New request (Ctrl+1)</source>
        <translation>Kërkesë e re (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Worklist (Ctrl+2)</source>
        <translation>Lista e punës (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Request (Ctrl+3)</source>
        <translation>Kërkesa (Ctrl+3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>My day (Ctrl+T)</source>
        <translation>Dita ime (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Screens</source>
        <translation>Faqet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Demo data: this workstation runs with fictitious demo data. Nothing here is a real request.</source>
        <translation>Të dhëna demo: ky stacion pune punon me të dhëna fiktive demonstrimi. Asgjë këtu nuk është kërkesë e vërtetë.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scan / receipt no. (F2):</source>
        <translation>Skano / nr. i mandatës (F2):</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scan or type, then Enter</source>
        <translation>Skanoni ose shkruani, pastaj Enter</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scan</source>
        <translation>Skano</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;File</source>
        <translation>&amp;Skedari</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Go</source>
        <translation>S&amp;hko</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View</source>
        <translation>P&amp;amja</translation>
    </message>
    <message>
        <location line="+1" />
        <source>H&amp;elp</source>
        <translation>N&amp;dihmë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Language</source>
        <translation>&amp;Gjuha</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change &amp;password…</source>
        <translation>Ndrysho &amp;fjalëkalimin…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Settings…</source>
        <translation>&amp;Cilësimet…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Lock workstation</source>
        <translation>&amp;Kyç stacionin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign &amp;out</source>
        <translation>&amp;Dil nga llogaria</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>&amp;Mbyll</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New request</source>
        <translation>&amp;Kërkesë e re</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Worklist</source>
        <translation>&amp;Lista e punës</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Request</source>
        <translation>Kë&amp;rkesa</translation>
    </message>
    <message>
        <location line="+1" />
        <source>My &amp;day</source>
        <translation>&amp;Dita ime</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Scan / find receipt</source>
        <translation>&amp;Skano / gjej mandatën</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Enlarge text</source>
        <translation>&amp;Zmadho tekstin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reduce text</source>
        <translation>Z&amp;vogëlo tekstin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Normal text size</source>
        <translation>Madhësia &amp;normale e tekstit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Shkurtoret e tastierës</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{name} ({role}) · unit {unit} · workstation {ws}</source>
        <translation>{name} ({role}) · njësia {unit} · stacioni {ws}</translation>
    </message>
    <message>
        <location line="+98" />
        <source>Opened {no}.</source>
        <translation>U hap {no}.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Unsaved request</source>
        <translation>Kërkesë e paruajtur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The new request on the intake page is not saved. Go back to it, or discard it?</source>
        <translation>Kërkesa e re në faqen e pranimit nuk është ruajtur. Të ktheheni tek ajo, apo ta hidhni poshtë?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Go &amp;back to the request</source>
        <translation>Kthehu te &amp;kërkesa</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Discard and sign out</source>
        <translation>&amp;Hidhe poshtë dhe dil nga llogaria</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Discard and quit</source>
        <translation>&amp;Hidhe poshtë dhe mbyll programin</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Still saving or printing; try again in a moment.</source>
        <translation>Ende po ruhet ose printohet; provoni përsëri pas pak.</translation>
    </message>
</context>
<context>
    <name>PeriodControls</name>
    <message>
        <location filename="../../ui/supervisor/period.py" line="+54" />
        <source>F&amp;rom:</source>
        <translation>&amp;Nga:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;To:</source>
        <translation>D&amp;eri:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Group &amp;by:</source>
        <translation>&amp;Grupo sipas:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Group the report by</source>
        <translation>Grupo raportin sipas</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Service</source>
        <translation>Shërbimi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clerk</source>
        <translation>Punonjësi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>Njësia</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Show</source>
        <translation>Sh&amp;faq</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/worklist.py" line="+51" />
        <source>Receipt no.</source>
        <translation>Nr. i mandatës</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen</source>
        <translation>Qytetari</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service</source>
        <translation>Shërbimi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Statusi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assigned to</source>
        <translation>Caktuar te</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Promised date</source>
        <translation>Data e premtuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service standard</source>
        <translation>Standardi i shërbimit</translation>
    </message>
    <message>
        <location line="+3" />
        <source>On track</source>
        <translation>Në afat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due soon</source>
        <translation>Afati po mbaron</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>Me vonesë</translation>
    </message>
    <message>
        <location line="+83" />
        <source>priority</source>
        <translation>me përparësi</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="-144" />
        <source>&amp;Reason:</source>
        <translation>&amp;Arsyeja:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Required: it is kept in the history and sent to the central system</source>
        <translation>E detyrueshme: ruhet në historik dhe dërgohet në sistemin qendror</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Go &amp;back</source>
        <translation>Kthehu &amp;mbrapa</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Write the reason first.</source>
        <translation>Shkruani së pari arsyen.</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../ui/supervisor/reassign.py" line="+114" />
        <source>Reassign requests</source>
        <translation>Rishpërndaj kërkesat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Assign to:</source>
        <translation>&amp;Cakto te:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assign to</source>
        <translation>Cakto te</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reason:</source>
        <translation>&amp;Arsyeja:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Required, e.g. balancing the workload</source>
        <translation>E detyrueshme, p.sh. balancim i ngarkesës</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason for the reassignment</source>
        <translation>Arsyeja e rishpërndarjes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;quests:</source>
        <translation>&amp;Kërkesat:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Requests to move (tick them)</source>
        <translation>Kërkesat për t'u zhvendosur (shënojini)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rea&amp;ssign</source>
        <translation>Ri&amp;shpërndaj</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Anulo</translation>
    </message>
    <message>
        <location line="+15" />
        <source>{n} request(s) chosen.</source>
        <translation>{n} kërkesë/a të zgjedhura.</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Reassigned {n} request(s) to {user}.</source>
        <translation>{n} kërkesë/a iu rishpërndanë {user}.</translation>
    </message>
</context>
<context>
    <name>RequestDetailPage</name>
    <message>
        <location filename="../../ui/detail.py" line="+283" />
        <source>Request</source>
        <translation>Kërkesa</translation>
    </message>
    <message>
        <location line="-68" />
        <source>Scan a receipt (F2) or open a request from the worklist.</source>
        <translation>Skanoni një mandatë (F2) ose hapni një kërkesë nga lista e punës.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Details</source>
        <translation>Të dhënat</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Receipt no.:</source>
        <translation>Nr. i mandatës:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status:</source>
        <translation>Statusi:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service:</source>
        <translation>Shërbimi:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen:</source>
        <translation>Qytetari:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Personal number:</source>
        <translation>Numri personal:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone:</source>
        <translation>Telefoni:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents received:</source>
        <translation>Dokumentet e dorëzuara:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents missing:</source>
        <translation>Dokumentet që mungojnë:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fee paid:</source>
        <translation>Tarifa e paguar:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority:</source>
        <translation>Përparësi:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Promised date:</source>
        <translation>Data e premtuar:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service standard:</source>
        <translation>Standardi i shërbimit:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assigned to:</source>
        <translation>Caktuar te:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received:</source>
        <translation>Pranuar:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Satisfaction:</source>
        <translation>Kënaqësia:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Note:</source>
        <translation>Shënim:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt prints:</source>
        <translation>Printime të mandatës:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Actions</source>
        <translation>Veprimet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Deliver to citizen…</source>
        <translation>&amp;Dorëzo te qytetari…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Void this in&amp;take…</source>
        <translation>A&amp;nulo këtë pranim…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;print receipt</source>
        <translation>&amp;Riprinto mandatën</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previe&amp;w receipt</source>
        <translation>Sh&amp;iko dëshminë</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Rea&amp;son:</source>
        <translation>Arsy&amp;eja:</translation>
    </message>
    <message>
        <location line="-6" />
        <source>Add n&amp;ote:</source>
        <translation>Shto sh&amp;ënim:</translation>
    </message>
    <message>
        <location line="-20" />
        <source>E-mail:</source>
        <translation>Posta elektronike:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Messages:</source>
        <translation>Njoftimet:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen's survey:</source>
        <translation>Pyetësori i qytetarit:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaint about:</source>
        <translation>Ankesë për:</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Citizen's survey…</source>
        <translation>P&amp;yetësori i qytetarit…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Turn the screen to the citizen: their own answers, once per request</source>
        <translation>Ktheni ekranin nga qytetari: përgjigjet e tij, një herë për kërkesë</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Add note</source>
        <translation>Shto shënimin</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reass&amp;ign to:</source>
        <translation>Ri&amp;cakto te:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reason for the reassignment</source>
        <translation>Arsyeja e ricaktimit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassign</source>
        <translation>Ricakto</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+2" />
        <source>History</source>
        <translation>Historiku</translation>
    </message>
    <message>
        <location line="-1" />
        <source>When</source>
        <translation>Kur</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Who</source>
        <translation>Kush</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Workstation</source>
        <translation>Stacioni</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What</source>
        <translation>Çfarë</translation>
    </message>
    <message>
        <location line="+26" />
        <source>yes</source>
        <translation>po</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>jo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Request {no} — {status}</source>
        <translation>Kërkesa {no} — {status}</translation>
    </message>
    <message>
        <location line="+12" />
        <source>{fee} lekë</source>
        <translation>{fee} lekë</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{n} of 5</source>
        <translation>{n} nga 5</translation>
    </message>
    <message>
        <location line="+4" />
        <source>yes: told when it is ready or returned</source>
        <translation>po: njoftohet kur është gati ose kthehet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>answered</source>
        <translation>plotësuar</translation>
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
        <translation>Ndrysho statusin në {status}</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Received at the counter ({status})</source>
        <translation>Pranuar në sportel ({status})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status: {old} → {new}</source>
        <translation>Statusi: {old} → {new}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Intake voided: {reason}</source>
        <translation>Pranimi u anulua: {reason}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Delivered; satisfaction {n} of 5</source>
        <translation>Dorëzuar; kënaqësia {n} nga 5</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delivered; no rating given</source>
        <translation>Dorëzuar; pa vlerësim</translation>
    </message>
    <message>
        <location line="+3" />
        <source>collected by an authorised person: {name}, document {id}</source>
        <translation>e tërhoqi një person i autorizuar: {name}, dokumenti {id}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Reassigned from {old} to {new}: {reason}</source>
        <translation>Ricaktuar nga {old} te {new}: {reason}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Note: {text}</source>
        <translation>Shënim: {text}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>at the counter</source>
        <translation>në sportel</translation>
    </message>
    <message>
        <location line="+0" />
        <source>online</source>
        <translation>në internet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen's survey ({where}): {n} of 5</source>
        <translation>Pyetësori i qytetarit ({where}): {n} nga 5</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Receipt printed</source>
        <translation>Mandata u printua</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Receipt reprinted (copy {n})</source>
        <translation>Mandata u riprintua (kopja {n})</translation>
    </message>
    <message>
        <location line="+5" />
        <source>reason: {reason}</source>
        <translation>arsyeja: {reason}</translation>
    </message>
    <message>
        <location line="+52" />
        <location line="+28" />
        <source>Status changed to {status}.</source>
        <translation>Statusi u ndryshua në {status}.</translation>
    </message>
    <message>
        <location line="-19" />
        <source>Reject request {no}</source>
        <translation>Refuzo kërkesën {no}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The request will be rejected: the citizen gets no result and the decision cannot be undone. Write the reason, as the citizen will be told.</source>
        <translation>Kërkesa do të refuzohet: qytetari nuk merr përgjigje dhe vendimi nuk mund të zhbëhet. Shkruani arsyen, ashtu siç do t’i thuhet qytetarit.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Reject the request</source>
        <translation>&amp;Refuzo kërkesën</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel request {no}</source>
        <translation>Anulo kërkesën {no}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The request will be cancelled and leaves every queue; this cannot be undone. Write the reason.</source>
        <translation>Kërkesa do të anulohet dhe del nga çdo radhë; kjo nuk mund të zhbëhet. Shkruani arsyen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Cancel the request</source>
        <translation>&amp;Anulo kërkesën</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Void intake {no}</source>
        <translation>Anulo pranimin {no}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The intake will be voided: the request is cancelled, the fee is returned to the citizen and a void slip is printed. The receipt number is never used again. Write the reason.</source>
        <translation>Pranimi do të anulohet: kërkesa anulohet, tarifa i kthehet qytetarit dhe printohet një fletë anulimi. Numri i mandatës nuk përdoret më kurrë. Shkruani arsyen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Void the intake</source>
        <translation>&amp;Anulo pranimin</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Intake {no} voided. Printing the void slip…</source>
        <translation>Pranimi {no} u anulua. Po printohet fleta e anulimit…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Intake {no} voided; the void slip is printed.</source>
        <translation>Pranimi {no} u anulua; fleta e anulimit u printua.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Intake {no} voided.</source>
        <translation>Pranimi {no} u anulua.</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Delivered.</source>
        <translation>U dorëzua.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Delivered. Turn the screen to the citizen for their own survey.</source>
        <translation>U dorëzua. Ktheni ekranin nga qytetari për pyetësorin e tij.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Thank you: the citizen's answers are saved.</source>
        <translation>Faleminderit: përgjigjet e qytetarit u ruajtën.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Note added.</source>
        <translation>Shënimi u shtua.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Reassigned.</source>
        <translation>U ricaktua.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Receipt printed (copy {n}).</source>
        <translation>Mandata u printua (kopja {n}).</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <location filename="../../ui/intake/cart.py" line="+106" />
        <source>Service</source>
        <translation>Shërbimi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Servi&amp;ce:</source>
        <translation>Shër&amp;bimi:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Documents received:</source>
        <translation>D&amp;okumentet e dorëzuara:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Space ticks the highlighted document; bold ones are required</source>
        <translation>Hapësira shënon dokumentin e theksuar; ata me shkronja të trasha janë të detyrueshëm</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tick &amp;all (Ctrl+D)</source>
        <translation>Shëno të &amp;gjitha (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fee pa&amp;id:</source>
        <translation>Tari&amp;fa e paguar:</translation>
    </message>
    <message>
        <location line="+2" />
        <source> lekë</source>
        <translation> lekë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>N&amp;ote:</source>
        <translation>Shë&amp;nim:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Complaint a&amp;bout receipt:</source>
        <translation>Dëshmia për të &amp;cilën është ankesa:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>receipt number, if there is one</source>
        <translation>numri i dëshmisë, nëse ka</translation>
    </message>
    <message>
        <location line="+20" />
        <source>required</source>
        <translation>i detyrueshëm</translation>
    </message>
    <message>
        <location line="+20" />
        <source>No service chosen yet.</source>
        <translation>Ende nuk është zgjedhur asnjë shërbim.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Chosen: {service}.</source>
        <translation>Zgjedhur: {service}.</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <location filename="../../ui/service_picker.py" line="+55" />
        <source>Type a code or part of the name…</source>
        <translation>Shkruani kodin ose një pjesë të emrit…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search service</source>
        <translation>Kërko shërbimin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Matching services</source>
        <translation>Shërbimet që përputhen</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Used most at this counter</source>
        <translation>Më të përdorurit në këtë sportel</translation>
    </message>
    <message>
        <location line="+3" />
        <source>All services</source>
        <translation>Të gjitha shërbimet</translation>
    </message>
    <message>
        <location line="+24" />
        <source>{name}, fee {fee} lekë, standard {days} working days</source>
        <translation>{name}, tarifa {fee} lekë, standardi {days} ditë pune</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No service matches.</source>
        <translation>Asnjë shërbim nuk përputhet.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{service}; {i} of {n}</source>
        <translation>{service}; {i} nga {n}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+66" />
        <source>Settings</source>
        <translation>Cilësimet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Data directory:</source>
        <translation>Dosja e të dhënave:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Printer:</source>
        <translation>&amp;Printeri:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;aper:</source>
        <translation>L&amp;etra:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Language:</source>
        <translation>&amp;Gjuha:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Text size:</source>
        <translation>&amp;Madhësia e tekstit:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lock after &amp;idle minutes:</source>
        <translation>Kyç pas m&amp;inutash pa aktivitet:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Central &amp;server:</source>
        <translation>&amp;Serveri qendror:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>empty: system default; none: do not print</source>
        <translation>bosh: printeri i parazgjedhur; none: mos printo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Printer</source>
        <translation>Printeri</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt roll 80 mm</source>
        <translation>Rrotull mandate 80 mm</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A5 sheet</source>
        <translation>Fletë A5</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paper</source>
        <translation>Letra</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language</source>
        <translation>Gjuha</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text size</source>
        <translation>Madhësia e tekstit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lock after idle minutes</source>
        <translation>Kyç pas minutash pa aktivitet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>never</source>
        <translation>asnjëherë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>https://… (empty: work offline)</source>
        <translation>https://… (bosh: punë pa lidhje)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Central server address</source>
        <translation>Adresa e serverit qendror</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OK</source>
        <translation>Në rregull</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Anulo</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help.py" line="+133" />
        <location line="+1" />
        <location line="+2" />
        <source>Keyboard shortcuts</source>
        <translation>Shkurtoret e tastierës</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Keys</source>
        <translation>Tastet</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What they do</source>
        <translation>Çfarë bëjnë</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Close</source>
        <translation>&amp;Mbyll</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <location line="+0" />
        <source>next / previous field; out of a table or list</source>
        <translation>fusha tjetër / e mëparshme; jashtë një tabele ose liste</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arrows</source>
        <translation>Shigjetat</translation>
    </message>
    <message>
        <location line="+0" />
        <source>move inside a table or list</source>
        <translation>lëvizje brenda një tabele ose liste</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+0" />
        <source>next field on the intake page; open the highlighted request</source>
        <translation>fusha tjetër në faqen e pranimit; hap kërkesën e theksuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alt + underlined letter</source>
        <translation>Alt + shkronja e nënvizuar</translation>
    </message>
    <message>
        <location line="+0" />
        <source>the field or button of that letter</source>
        <translation>fusha ose butoni i asaj shkronje</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Space</source>
        <translation>Hapësira</translation>
    </message>
    <message>
        <location line="+0" />
        <source>tick the highlighted document</source>
        <translation>shëno dokumentin e theksuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Escape</source>
        <translation>Escape</translation>
    </message>
    <message>
        <location line="+0" />
        <source>close a question or dialog without changing anything</source>
        <translation>mbyll një pyetje ose dritare pa ndryshuar asgjë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scanner</source>
        <translation>Skaneri</translation>
    </message>
    <message>
        <location line="+0" />
        <source>a scanned receipt opens its request from any page</source>
        <translation>një mandatë e skanuar hap kërkesën e saj nga çdo faqe</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <location filename="../../ui/supervisor/__init__.py" line="+125" />
        <source>Workload (Ctrl+4)</source>
        <translation>Ngarkesa (Ctrl+4)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Workload</source>
        <translation>&amp;Ngarkesa e punës</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Dashboard (Ctrl+5)</source>
        <translation>Paneli (Ctrl+5)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Dashboard</source>
        <translation>&amp;Paneli i performancës</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Audit (Ctrl+6)</source>
        <translation>Auditimi (Ctrl+6)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Audit trail</source>
        <translation>&amp;Gjurma e auditimit</translation>
    </message>
    <message>
        <location line="-7" />
        <source>Administration (Ctrl+7)</source>
        <translation>Administrimi (Ctrl+7)</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Citizens (Ctrl+8)</source>
        <translation>Qytetarët (Ctrl+8)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>What the &amp;citizens say</source>
        <translation>Çfarë thonë &amp;qytetarët</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Catalogue and users</source>
        <translation>&amp;Katalogu dhe përdoruesit</translation>
    </message>
    <message>
        <location line="+6" />
        <source>S&amp;upervision</source>
        <translation>Mbikë&amp;qyrja</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ad&amp;ministration</source>
        <translation>Ad&amp;ministrimi</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <location filename="../../ui/survey.py" line="+120" />
        <source>How did it go?</source>
        <translation>Si shkoi?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Please tell us how it went with request {no} ({service}). It takes a minute; your answers are yours, not the clerk's.</source>
        <translation>Ju lutemi na thoni si shkoi me kërkesën {no} ({service}). Zgjat një minutë; përgjigjet janë tuajat, jo të punonjësit.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Was the promised date kept?</source>
        <translation>A u mbajt afati i premtuar?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Was the service clear?</source>
        <translation>A ishte shërbimi i qartë?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Yes</source>
        <translation>Po</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No</source>
        <translation>Jo</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Overall: 5 = very satisfied, 1 = not at all</source>
        <translation>Në përgjithësi: 5 = shumë i kënaqur, 1 = aspak</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} of 5</source>
        <translation>{n} nga 5</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Co&amp;mment (optional):</source>
        <translation>&amp;Koment (nuk është i detyrueshëm):</translation>
    </message>
    <message>
        <location line="+2" />
        <source>S&amp;end</source>
        <translation>&amp;Dërgo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Not now</source>
        <translation>&amp;Jo tani</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Choose how it went overall, from 1 to 5.</source>
        <translation>Zgjidhni si shkoi në përgjithësi, nga 1 deri në 5.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="+151" />
        <source>Sync &amp;now</source>
        <translation>Sinkronizo &amp;tani</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sync &amp;health…</source>
        <translation>&amp;Gjendja e sinkronizimit…</translation>
    </message>
    <message>
        <location line="+48" />
        <location line="+13" />
        <source>Syncing with the central server…</source>
        <translation>Po sinkronizohet me serverin qendror…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This workstation is not connected to a central server: ask IT to enrol it.</source>
        <translation>Ky stacion pune nuk është i lidhur me një server qendror: kërkojini IT-së ta regjistrojë.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The sync health panel is for supervisors.</source>
        <translation>Paneli i gjendjes së sinkronizimit është vetëm për mbikëqyrësit.</translation>
    </message>
</context>
<context>
    <name>SyncHealthDialog</name>
    <message>
        <location filename="../../ui/sync_health.py" line="+150" />
        <source>Sync health</source>
        <translation>Gjendja e sinkronizimit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sync with the central server</source>
        <translation>Sinkronizimi me serverin qendror</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Current state</source>
        <translation>Gjendja tani</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Central server:</source>
        <translation>Serveri qendror:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State:</source>
        <translation>Gjendja:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last contact:</source>
        <translation>Kontakti i fundit:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Oldest request not yet sent:</source>
        <translation>Kërkesa më e vjetër e padërguar:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changes waiting to be sent:</source>
        <translation>Ndryshime në pritje për t'u dërguar:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last error:</source>
        <translation>Gabimi i fundit:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This desk's clock:</source>
        <translation>Ora e këtij sporteli:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Audit trail, as the central system holds it:</source>
        <translation>Gjurma e auditimit, siç e mban sistemi qendror:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changes from the central system this desk set aside</source>
        <translation>Ndryshime nga sistemi qendror që ky sportel i la mënjanë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt no. / kind</source>
        <translation>Nr. i mandatës / lloji</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Set aside</source>
        <translation>Lënë mënjanë</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Changes refused by the central system</source>
        <translation>Ndryshime të refuzuara nga sistemi qendror</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No refused changes.</source>
        <translation>Nuk ka ndryshime të refuzuara.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Receipt no.</source>
        <translation>Nr. i mandatës</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Change</source>
        <translation>Ndryshimi</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Made</source>
        <translation>Bërë më</translation>
    </message>
    <message>
        <location line="-4" />
        <location line="+4" />
        <source>Why, and what to do</source>
        <translation>Pse, dhe çfarë duhet bërë</translation>
    </message>
    <message>
        <location line="+4" />
        <source>WARNING: the central system suspects this workstation is a copy of another one. Sync is stopped. Keep serving citizens, do not copy or restore this computer, and call the municipality's IT now.</source>
        <translation>KUJDES: sistemi qendror dyshon se ky stacion pune është kopje e një tjetri. Sinkronizimi është ndalur. Vazhdoni t'u shërbeni qytetarëve, mos e kopjoni dhe mos e riktheni këtë kompjuter nga kopje rezervë, dhe telefononi tani IT-në e bashkisë.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sync &amp;now</source>
        <translation>Sinkronizo &amp;tani</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Dismiss selected</source>
        <translation>&amp;Hiq të zgjedhurat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove the selected refused changes from this list (supervisors)</source>
        <translation>Hiqni nga kjo listë ndryshimet e refuzuara të zgjedhura (mbikëqyrësit)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Close</source>
        <translation>&amp;Mbyll</translation>
    </message>
    <message>
        <location line="+9" />
        <source>none (this workstation works offline only)</source>
        <translation>asnjë (ky stacion pune punon vetëm pa lidhje)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{age} ago (at {time})</source>
        <translation>{age} më parë (në {time})</translation>
    </message>
    <message>
        <location line="+5" />
        <source>never</source>
        <translation>asnjëherë</translation>
    </message>
    <message>
        <location line="+3" />
        <source>waiting for {age} (since {time})</source>
        <translation>në pritje prej {age} (që nga {time})</translation>
    </message>
    <message>
        <location line="+5" />
        <source>none: everything was sent</source>
        <translation>asnjë: gjithçka u dërgua</translation>
    </message>
    <message>
        <location line="+6" />
        <source>not anchored yet</source>
        <translation>ende pa u ankoruar në qendër</translation>
    </message>
    <message>
        <location line="+2" />
        <source>in order (up to entry {seq})</source>
        <translation>në rregull (deri te regjistrimi {seq})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>FLAGGED: the trail was cut back or rewritten. Call IT.</source>
        <translation>E SINJALIZUAR: gjurma u shkurtua ose u rishkrua. Telefononi IT-në.</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Only a supervisor may dismiss refused changes.</source>
        <translation>Vetëm një mbikëqyrës mund të heqë ndryshimet e refuzuara.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>{n} refused change(s) dismissed.</source>
        <translation>U hoqën {n} ndryshim(e) të refuzuara.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../ui/today.py" line="+140" />
        <source>My day</source>
        <translation>Dita ime</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Intakes and fees by service</source>
        <translation>Pranime dhe tarifa sipas shërbimit</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+4" />
        <location line="+5" />
        <source>Service</source>
        <translation>Shërbimi</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Intakes</source>
        <translation>Pranime</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Fees (lekë)</source>
        <translation>Tarifa (lekë)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>My intakes</source>
        <translation>Pranimet e mia</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+5" />
        <source>Time</source>
        <translation>Koha</translation>
    </message>
    <message>
        <location line="-5" />
        <location line="+5" />
        <source>Receipt no.</source>
        <translation>Nr. i mandatës</translation>
    </message>
    <message>
        <location line="-5" />
        <location line="+5" />
        <source>Citizen</source>
        <translation>Qytetari</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Fee (lekë)</source>
        <translation>Tarifa (lekë)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>My deliveries</source>
        <translation>Dorëzimet e mia</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Cash-up slip…</source>
        <translation>Mbyllja e ar&amp;kës…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Refresh</source>
        <translation>&amp;Rifresko</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Loading…</source>
        <translation>Po ngarkohet…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>My day — {date}</source>
        <translation>Dita ime — {date}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} intakes, fees {fee} lekë; {d} deliveries; {v} voided</source>
        <translation>{n} pranime, tarifa {fee} lekë; {d} dorëzime; {v} të anuluara</translation>
    </message>
    <message>
        <location line="+20" />
        <source>{fee} — voided</source>
        <translation>{fee} — e anuluar</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Cash-up slip</source>
        <translation>Mbyllja e arkës</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The cash-up slip is printed.</source>
        <translation>Fleta e mbylljes së arkës u printua.</translation>
    </message>
</context>
<context>
    <name>VisitCart</name>
    <message>
        <location filename="../../ui/intake/cart.py" line="+76" />
        <source>Services in this visit</source>
        <translation>Shërbimet e kësaj vizite</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add ano&amp;ther service (Ctrl+N)</source>
        <translation>Shto një shërbim t&amp;jetër (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Re&amp;move service</source>
        <translation>Hi&amp;q shërbimin</translation>
    </message>
    <message>
        <location line="+21" />
        <source>{name} ({n} documents)</source>
        <translation>{name} ({n} dokumente)</translation>
    </message>
</context>
<context>
    <name>VisitSummary</name>
    <message>
        <location filename="../../ui/intake/confirm.py" line="-109" />
        <source>Visit summary</source>
        <translation>Përmbledhja e vizitës</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save this visit?</source>
        <translation>Të ruhet kjo vizitë?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Save and print</source>
        <translation>&amp;Ruaj dhe printo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Go &amp;back</source>
        <translation>Kthehu &amp;mbrapa</translation>
    </message>
    <message>
        <location line="+6" />
        <source>none</source>
        <translation>asnjë</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{fee} lekë</source>
        <translation>{fee} lekë</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Citizen: {name}, personal number {nid}</source>
        <translation>Qytetari: {name}, numri personal {nid}</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+11" />
        <source>Documents received: {docs}</source>
        <translation>Dokumentet e dorëzuara: {docs}</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+11" />
        <source>Required, missing: {docs}</source>
        <translation>Të detyrueshme që mungojnë: {docs}</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+12" />
        <source>Total fee of the visit: {fee} lekë ({n} services)</source>
        <translation>Tarifa gjithsej e vizitës: {fee} lekë ({n} shërbime)</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../ui/worklist.py" line="+163" />
        <source>Worklist</source>
        <translation>Lista e punës</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fi&amp;nd:</source>
        <translation>&amp;Gjej:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatusi:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Assigned to:</source>
        <translation>&amp;Caktuar te:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Servi&amp;ce:</source>
        <translation>Shër&amp;bimi:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only &amp;overdue</source>
        <translation>Vetëm me &amp;vonesë</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Any part of a name, a phone, a personal or receipt number</source>
        <translation>Çdo pjesë e emrit, telefoni, numri personal ose i mandatës</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Requests</source>
        <translation>Kërkesat</translation>
    </message>
    <message>
        <location line="+4" />
        <source>All statuses</source>
        <translation>Të gjitha statuset</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Everyone</source>
        <translation>Të gjithë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Me</source>
        <translation>Unë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nobody</source>
        <translation>Askush</translation>
    </message>
    <message>
        <location line="+6" />
        <source>All services</source>
        <translation>Të gjitha shërbimet</translation>
    </message>
    <message>
        <location line="+59" />
        <source>More than {n} requests: narrow the search</source>
        <translation>Më shumë se {n} kërkesa: ngushtoni kërkimin</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{total} requests</source>
        <translation>{total} kërkesa</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Nothing found for “{text}”. Try part of the surname, the phone, or the personal or receipt number.</source>
        <translation>Nuk u gjet asgjë për «{text}». Provoni një pjesë të mbiemrit, telefonin, ose numrin personal apo të mandatës.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No request matches these filters.</source>
        <translation>Asnjë kërkesë nuk përputhet me këto filtra.</translation>
    </message>
</context>
<context>
    <name>WorklistReassign</name>
    <message>
        <location filename="../../ui/supervisor/reassign.py" line="+45" />
        <source>Reass&amp;ign selected…</source>
        <translation>Rishpërndaj të &amp;zgjedhurat…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move the selected requests to another clerk (Ctrl+click to select several)</source>
        <translation>Kaloji kërkesat e zgjedhura te një punonjës tjetër (Ctrl+klik për të zgjedhur disa)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Select one or more requests first.</source>
        <translation>Zgjidhni fillimisht një ose më shumë kërkesa.</translation>
    </message>
</context>
<context>
    <name>WorkloadPage</name>
    <message>
        <location filename="../../ui/supervisor/workload.py" line="+88" />
        <source>Workload</source>
        <translation>Ngarkesa e punës</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open requests whose clock runs (received, forwarded, in progress), by service standard. Select a clerk to open their queue or move some of their requests.</source>
        <translation>Kërkesat e hapura që u ecën koha (të marra, të përcjella, në shqyrtim), sipas standardit të shërbimit. Zgjidhni një punonjës për të hapur radhën e tij ose për të zhvendosur disa nga kërkesat e tij.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Clerk</source>
        <translation>Punonjësi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open</source>
        <translation>Të hapura</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On track</source>
        <translation>Në rregull</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due soon</source>
        <translation>Afati afër</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>Me vonesë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Oldest open</source>
        <translation>Më e vjetra e hapur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Received today</source>
        <translation>Marrë sot</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delivered today</source>
        <translation>Dorëzuar sot</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Workload per clerk</source>
        <translation>Ngarkesa sipas punonjësit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Refresh</source>
        <translation>&amp;Rifresko</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open queue in the worklist</source>
        <translation>Hap radhën në &amp;listën e punës</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;balance…</source>
        <translation>Ri&amp;balanco…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose some of this clerk's open requests and give them to another</source>
        <translation>Zgjidhni disa nga kërkesat e hapura të këtij punonjësi dhe jepjani një tjetri</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Nobody (unassigned)</source>
        <translation>Askush (pa caktuar)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>inactive</source>
        <translation>joaktiv</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{n} on track</source>
        <translation>{n} në rregull</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{n} due soon</source>
        <translation>{n} me afat afër</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{n} overdue</source>
        <translation>{n} me vonesë</translation>
    </message>
    <message>
        <location line="+42" />
        <location line="+7" />
        <source>Select a clerk first.</source>
        <translation>Zgjidhni fillimisht një punonjës.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This clerk has no open requests to move.</source>
        <translation>Ky punonjës nuk ka kërkesa të hapura për të zhvendosur.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="+65" />
        <source>Something went wrong</source>
        <translation>Diçka nuk shkoi mirë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>An unexpected error happened. What was already saved is safe; nothing was half-written. The details are in the log file:
{path}

Please tell IT what you were doing.</source>
        <translation>Ndodhi një gabim i papritur. Ajo që ishte ruajtur është e sigurt; asgjë nuk u shkrua përgjysmë. Hollësitë janë në skedarin e regjistrit:
{path}

Ju lutemi tregojini IT-së çfarë po bënit.</translation>
    </message>
    <message>
        <location line="+131" />
        <source>frontdesk cannot start</source>
        <translation>frontdesk nuk mund të niset</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The data directory {path} could not be opened: {error}

The details are in the log file.</source>
        <translation>Dosja e të dhënave {path} nuk u hap dot: {error}

Hollësitë janë në skedarin e regjistrit.</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../audit.py" line="+190" />
        <source>Entries {first}–{last} are missing (deleted) before entry {seq}.</source>
        <translation>Mungojnë hyrjet {first}–{last} (të fshira) përpara hyrjes {seq}.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entry {seq} does not link to the entry before it (inserted or re-chained).</source>
        <translation>Hyrja {seq} nuk lidhet me hyrjen para saj (e shtuar ose e rilidhur).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entry {seq} was changed after it was written (its hash does not match).</source>
        <translation>Hyrja {seq} u ndryshua pasi u shkrua (hash-i i saj nuk përputhet).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The last entries, from {first} to {last}, were deleted.</source>
        <translation>Hyrjet e fundit, nga {first} deri në {last}, u fshinë.</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <location filename="../../catalog_format.py" line="+148" />
        <source>must be a JSON object</source>
        <translation>duhet të jetë objekt JSON</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be a list</source>
        <translation>duhet të jetë listë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>required field is missing</source>
        <translation>mungon një fushë e detyrueshme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown field (allowed: {allowed})</source>
        <translation>fushë e panjohur (lejohen: {allowed})</translation>
    </message>
    <message>
        <location line="+1" />
        <source>this field appears twice in the same object</source>
        <translation>kjo fushë shfaqet dy herë në të njëjtin objekt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be text</source>
        <translation>duhet të jetë tekst</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must not be empty</source>
        <translation>nuk duhet të jetë bosh</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be at most {max} characters long</source>
        <translation>duhet të ketë të shumtën {max} shenja</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be true or false</source>
        <translation>duhet të jetë true ose false</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be "frontdesk-catalog/1"</source>
        <translation>duhet të jetë "frontdesk-catalog/1"</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be 2–32 capital letters A–Z, digits or hyphens, not starting with a hyphen</source>
        <translation>duhet të jetë 2–32 shkronja të mëdha A–Z, shifra ose viza, pa filluar me vizë</translation>
    </message>
    <message>
        <location line="+3" />
        <source>must be a whole number of working days between 0 and 365</source>
        <translation>duhet të jetë numër i plotë ditësh pune nga 0 deri në 365</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be a whole number of lek between 0 and 100000000</source>
        <translation>duhet të jetë numër i plotë lekësh nga 0 deri në 100000000</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be "ALL" (Albanian lek)</source>
        <translation>duhet të jetë "ALL" (lek shqiptar)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be "central" or "local"</source>
        <translation>duhet të jetë "central" ose "local"</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the catalogue lists no services</source>
        <translation>katalogu nuk përmban asnjë shërbim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>service code {code} is already used on line {first}</source>
        <translation>kodi i shërbimit {code} është përdorur tashmë në rreshtin {first}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>document code {code} is already used in this service on line {first}</source>
        <translation>kodi i dokumentit {code} është përdorur tashmë në këtë shërbim në rreshtin {first}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>invalid JSON: {detail} (column {column})</source>
        <translation>JSON i pavlefshëm: {detail} (kolona {column})</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the file is not UTF-8 text</source>
        <translation>skedari nuk është tekst UTF-8</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the JSON is nested too deeply</source>
        <translation>JSON-i ka shumë nivele të mbivendosura</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a number has more than {digits} digits</source>
        <translation>një numër ka më shumë se {digits} shifra</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the file is larger than {mb} MB: it is not a catalogue</source>
        <translation>skedari është më i madh se {mb} MB: nuk është katalog</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../auth.py" line="+105" />
        <location filename="../../numbering.py" line="+165" />
        <location filename="../../setup.py" line="+86" />
        <source>This workstation is not initialised yet (run init).</source>
        <translation>Ky stacion pune ende nuk është konfiguruar (ekzekutoni init).</translation>
    </message>
    <message>
        <location filename="../../passwords.py" line="+59" />
        <source>The password must have at least {n} characters.</source>
        <translation>Fjalëkalimi duhet të ketë të paktën {n} shenja.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The password can have at most {n} characters.</source>
        <translation>Fjalëkalimi mund të ketë të shumtën {n} shenja.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This password is too easy to guess. Use three or four unrelated words, for example lule-dritare-kafe-bregdet: no names, dates, keyboard rows or common words.</source>
        <translation>Ky fjalëkalim gjendet shumë lehtë. Përdorni tre ose katër fjalë pa lidhje me njëra-tjetrën, për shembull lule-dritare-kafe-bregdet: pa emra, data, radhë tastiere apo fjalë të zakonshme.</translation>
    </message>
    <message>
        <location filename="../../auth.py" line="-67" />
        <source>This desk is enrolled: user accounts are managed on the central system (ask the municipality's IT).</source>
        <translation>Ky sportel është i regjistruar: llogaritë e përdoruesve menaxhohen në sistemin qendror (pyesni IT-në e bashkisë).</translation>
    </message>
    <message>
        <location line="+83" />
        <location filename="../../rules/roles.py" line="+47" />
        <source>Your role ({role}) does not allow this action.</source>
        <translation>Roli juaj ({role}) nuk e lejon këtë veprim.</translation>
    </message>
    <message>
        <location line="+7" />
        <location filename="../../workflow/changes.py" line="+164" />
        <source>There is no user {username}.</source>
        <translation>Nuk ekziston përdoruesi {username}.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>A user name has 2–64 characters: small letters, digits, dot, dash or underscore.</source>
        <translation>Emri i përdoruesit ka 2–64 shenja: shkronja të vogla, shifra, pikë, vizë ose nënvizë.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unknown role {role}: use clerk, supervisor or admin.</source>
        <translation>Rol i panjohur {role}: përdorni clerk, supervisor ose admin.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The full name is required.</source>
        <translation>Emri i plotë është i detyrueshëm.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>User {username} already exists.</source>
        <translation>Përdoruesi {username} ekziston tashmë.</translation>
    </message>
    <message>
        <location line="+73" />
        <source>Wrong user name or password.</source>
        <translation>Emri i përdoruesit ose fjalëkalimi është i gabuar.</translation>
    </message>
    <message>
        <location line="-43" />
        <location line="+157" />
        <source>This account has been deactivated.</source>
        <translation>Kjo llogari është çaktivizuar.</translation>
    </message>
    <message>
        <location line="-99" />
        <source>Too many failed sign-ins: the account is locked until {until}.</source>
        <translation>Shumë hyrje të dështuara: llogaria është e bllokuar deri në {until}.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wrong user name or password. Tries left before the account is locked for {minutes} minutes: {left}.</source>
        <translation>Emri i përdoruesit ose fjalëkalimi është i gabuar. Përpjekje të mbetura para se llogaria të bllokohet për {minutes} minuta: {left}.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This account is waiting for the central administrator: it was offered when this desk was enrolled.</source>
        <translation>Kjo llogari pret administratorin qendror: u propozua kur u regjistrua ky sportel.</translation>
    </message>
    <message>
        <location line="+14" />
        <location filename="../../sync/accounts.py" line="+76" />
        <source>The current password is wrong.</source>
        <translation>Fjalëkalimi aktual është i gabuar.</translation>
    </message>
    <message>
        <location line="+4" />
        <location filename="../../sync/accounts.py" line="-12" />
        <source>The new password must differ from the current one.</source>
        <translation>Fjalëkalimi i ri duhet të ndryshojë nga ai aktual.</translation>
    </message>
    <message>
        <location line="+51" />
        <source>You cannot deactivate your own account.</source>
        <translation>Nuk mund ta çaktivizoni llogarinë tuaj.</translation>
    </message>
    <message>
        <location filename="../../catalog_format.py" line="-81" />
        <source>The catalogue {source} has {count} problem(s):
{details}</source>
        <translation>Katalogu {source} ka {count} problem(e):
{details}</translation>
    </message>
    <message>
        <location line="+337" />
        <source>Service field {where}: {problem}</source>
        <translation>Fusha e shërbimit {where}: {problem}</translation>
    </message>
    <message>
        <location filename="../../catalog.py" line="+155" />
        <source>A service with code {code} already exists.</source>
        <translation>Një shërbim me kodin {code} ekziston tashmë.</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Service {code} comes from the central catalogue; it is set there.</source>
        <translation>Shërbimi {code} vjen nga katalogu qendror; ai përcaktohet atje.</translation>
    </message>
    <message>
        <location line="+46" />
        <location filename="../../workflow/intake.py" line="+143" />
        <source>There is no service with code {code}.</source>
        <translation>Nuk ka shërbim me kodin {code}.</translation>
    </message>
    <message>
        <location filename="../../errors.py" line="+72" />
        <source>The check letter of personal number {nid} does not match (expected {expected}). Check the document; confirm only if the number is typed exactly as printed.</source>
        <translation>Shkronja e kontrollit e numrit personal {nid} nuk përputhet (pritej {expected}). Kontrolloni dokumentin; konfirmoni vetëm nëse numri është shkruar saktësisht si në dokument.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Required documents missing for service {service}: {codes}.</source>
        <translation>Mungojnë dokumente të detyrueshme për shërbimin {service}: {codes}.</translation>
    </message>
    <message>
        <location filename="../../identity.py" line="+106" />
        <location line="+135" />
        <source>A personal number has {expected} characters; this one has {n}.</source>
        <translation>Numri personal ka {expected} shenja; ky ka {n}.</translation>
    </message>
    <message>
        <location line="-126" />
        <source>The first character of a personal number is the decade letter, from A (1900s) to {last} ({last_decade}s); {char} is not one.</source>
        <translation>Shenja e parë e numrit personal është shkronja e dekadës, nga A (vitet 1900) deri në {last} (vitet {last_decade}); {char} nuk është e tillë.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The second character of a personal number is the year digit; {char} is not a digit.</source>
        <translation>Shenja e dytë e numrit personal është shifra e vitit; {char} nuk është shifër.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The birth year {year} of this personal number is in the future.</source>
        <translation>Viti i lindjes {year} i këtij numri personal është në të ardhmen.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>The month code {code} is not valid: it must be 01–12 or 51–62 (citizens), 31–42 or 81–92 (foreigners).</source>
        <translation>Kodi i muajit {code} nuk është i vlefshëm: duhet të jetë 01–12 ose 51–62 (shtetas), 31–42 ose 81–92 (të huaj).</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The day of birth {day} in this personal number is impossible.</source>
        <translation>Dita e lindjes {day} në këtë numër personal është e pamundur.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The birth date {date} of this personal number is in the future.</source>
        <translation>Data e lindjes {date} e këtij numri personal është në të ardhmen.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Characters 7 to 9 of a personal number are digits (the serial); {serial} is not.</source>
        <translation>Shenjat 7 deri 9 të numrit personal janë shifra (numri rendor); {serial} nuk është.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The last character of a personal number is a letter; {char} is not.</source>
        <translation>Shenja e fundit e numrit personal është shkronjë; {char} nuk është.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>The day of birth {day} in this personal number is impossible for {month:02d}/{year}.</source>
        <translation>Dita e lindjes {day} në këtë numër personal është e pamundur për {month:02d}/{year}.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The personal number is required.</source>
        <translation>Numri personal është i detyrueshëm.</translation>
    </message>
    <message>
        <location line="+45" />
        <source>{n} of {expected} characters of the personal number.</source>
        <translation>{n} nga {expected} shenjat e numrit personal.</translation>
    </message>
    <message>
        <location filename="../../numbering.py" line="-116" />
        <source>The unit code {code} is not valid: use 2 to 6 capital letters A–Z or digits.</source>
        <translation>Kodi i njësisë {code} nuk është i vlefshëm: përdorni 2 deri 6 shkronja të mëdha A–Z ose shifra.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The workstation code {code} is not valid: use 1 to 4 capital letters A–Z or digits.</source>
        <translation>Kodi i stacionit {code} nuk është i vlefshëm: përdorni 1 deri 4 shkronja të mëdha A–Z ose shifra.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Receipt number {receipt_no} would be longer than {max} characters: this workstation has run out of numbers. Enrol it again with a shorter or new workstation code.</source>
        <translation>Numri i mandatës {receipt_no} do të kishte më shumë se {max} shenja: ky stacion i ka mbaruar numrat. Regjistrojeni përsëri me një kod stacioni më të shkurtër ose të ri.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>{receipt_no} is not a receipt number.</source>
        <translation>{receipt_no} nuk është numër mandate.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The check character of receipt number {receipt_no} is wrong — the number was mistyped or misread.</source>
        <translation>Shenja e kontrollit e numrit të mandatës {receipt_no} është e gabuar — numri u shkrua ose u lexua gabim.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>This desk was restored from a backup: it gives out new receipt numbers once it has synced with the central system, so that no number is given twice. Connect it and sync, or ask IT.</source>
        <translation>Ky sportel u rikthye nga një kopje rezervë: jep numra të rinj mandate sapo të sinkronizohet me sistemin qendror, që asnjë numër të mos jepet dy herë. Lidheni dhe sinkronizoni, ose pyesni IT-në.</translation>
    </message>
    <message>
        <location filename="../../queries.py" line="+140" />
        <source>No request with receipt number {receipt_no}.</source>
        <translation>Nuk ka kërkesë me numër mandate {receipt_no}.</translation>
    </message>
    <message>
        <location line="+140" />
        <location filename="../../rules/transitions.py" line="+22" />
        <location filename="../../workflow/changes.py" line="-108" />
        <source>Unknown status {status}.</source>
        <translation>Status i panjohur {status}.</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Cannot sort by {column}.</source>
        <translation>Nuk mund të renditet sipas {column}.</translation>
    </message>
    <message>
        <location filename="../../receipts/data.py" line="+63" />
        <source>No request has the receipt number {receipt_no}.</source>
        <translation>Asnjë kërkesë nuk ka numrin e mandatës {receipt_no}.</translation>
    </message>
    <message>
        <location filename="../../setup.py" line="-23" />
        <source>The unit name is required.</source>
        <translation>Emri i njësisë është i detyrueshëm.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This data directory is already initialised as workstation {ws} of unit {unit}.</source>
        <translation>Kjo dosje të dhënash është konfiguruar tashmë si stacioni {ws} i njësisë {unit}.</translation>
    </message>
    <message>
        <location filename="../../workflow/intake.py" line="-84" />
        <source>The citizen's name is required.</source>
        <translation>Emri i qytetarit është i detyrueshëm.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The name can have at most {n} characters.</source>
        <translation>Emri mund të ketë të shumtën {n} shenja.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The phone number may contain only digits, spaces and + - ( ).</source>
        <translation>Numri i telefonit mund të përmbajë vetëm shifra, hapësira dhe + - ( ).</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The e-mail address does not look right (e.g. emri@shembull.al).</source>
        <translation>Adresa e postës elektronike nuk duket e saktë.</translation>
    </message>
    <message>
        <location line="+65" />
        <source>Service {code} is no longer offered.</source>
        <translation>Shërbimi {code} nuk ofrohet më.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A request can list at most {n} documents.</source>
        <translation>Një kërkesë mund të ketë të shumtën {n} dokumente.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Service {code} does not ask for document {doc}.</source>
        <translation>Shërbimi {code} nuk kërkon dokumentin {doc}.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The fee paid cannot be negative.</source>
        <translation>Tarifa e paguar nuk mund të jetë negative.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Choose at least one service.</source>
        <translation>Zgjidhni të paktën një shërbim.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>One visit can have at most {n} requests.</source>
        <translation>Një vizitë mund të ketë të shumtën {n} kërkesa.</translation>
    </message>
    <message>
        <location filename="../../rules/roles.py" line="+31" />
        <source>{username} is not a user of this unit on the central system.</source>
        <translation>{username} nuk është përdorues i kësaj njësie në sistemin qendror.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The account of {username} was not active at the time of this change.</source>
        <translation>Llogaria e {username} nuk ishte aktive në kohën e këtij ndryshimi.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The role of {username} did not allow this action at the time.</source>
        <translation>Roli i {username} nuk e lejonte këtë veprim në atë kohë.</translation>
    </message>
    <message>
        <location filename="../../rules/snapshots.py" line="+157" />
        <location line="+15" />
        <location filename="../../rules/transitions.py" line="+3" />
        <source>Request {receipt_no} is {status}: it cannot become {target}.</source>
        <translation>Kërkesa {receipt_no} është {status}: nuk mund të bëhet {target}.</translation>
    </message>
    <message>
        <location filename="../../rules/transitions.py" line="+15" />
        <source>A delivery ends in status delivered.</source>
        <translation>Një dorëzim përfundon me statusin «dorëzuar».</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A delivery records who collected the result.</source>
        <translation>Një dorëzim regjistron se kush e mori rezultatin.</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Request {receipt_no} was reassigned to {assignee} in the meantime.</source>
        <translation>Kërkesa {receipt_no} u ricaktua ndërkohë te {assignee}.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Only the clerk who received a request can void it.</source>
        <translation>Vetëm nëpunësi që e pranoi kërkesën mund ta anulojë si të gabuar.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Request {receipt_no} can be voided only on the day it was received.</source>
        <translation>Kërkesa {receipt_no} mund të anulohet si e gabuar vetëm në ditën kur u pranua.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Request {receipt_no} is {status}: it can no longer be voided.</source>
        <translation>Kërkesa {receipt_no} është {status}: nuk mund të anulohet më si e gabuar.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Request {receipt_no} is {status}: its survey opens after it is handed over, rejected or returned.</source>
        <translation>Kërkesa {receipt_no} është {status}: pyetësori i saj hapet pasi dorëzohet, refuzohet ose kthehet.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The survey of request {receipt_no} has already been answered.</source>
        <translation>Pyetësori i kërkesës {receipt_no} është plotësuar tashmë.</translation>
    </message>
    <message>
        <location filename="../../rules/fields.py" line="+17" />
        <source>This field is required.</source>
        <translation>Kjo fushë është e detyrueshme.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The text contains an invisible control character (often from a copy and paste); type it again.</source>
        <translation>Teksti përmban një shenjë kontrolli të padukshme (shpesh nga kopjimi dhe ngjitja); shkruajeni sërish.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The text can have at most {n} characters.</source>
        <translation>Teksti mund të ketë të shumtën {n} shenja.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The fee paid must be a whole number of lek from 0 to {max}.</source>
        <translation>Tarifa e paguar duhet të jetë numër i plotë lekësh nga 0 deri në {max}.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>The public address must look like https://bashkia.example/qytetaret.</source>
        <translation>Adresa publike duhet të jetë një adresë https e faqes së bashkisë, pa pjesë pyetjeje.</translation>
    </message>
    <message>
        <location filename="../../rules/origin.py" line="+25" />
        <location filename="../../rules/snapshots.py" line="-52" />
        <source>{receipt_no} is not a valid receipt number (check character).</source>
        <translation>{receipt_no} nuk është numër i vlefshëm mandate (shenja e kontrollit).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{receipt_no} is not written in its canonical form.</source>
        <translation>{receipt_no} nuk është shkruar në trajtën e saj standarde.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Receipt number {receipt_no} belongs to another unit or workstation.</source>
        <translation>Numri i mandatës {receipt_no} i përket një njësie ose sporteli tjetër.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Receipt number {receipt_no} is ahead of its workstation's counter ({counter}).</source>
        <translation>Numri i mandatës {receipt_no} është përtej numëratorit të sportelit të vet ({counter}).</translation>
    </message>
    <message>
        <location line="+24" />
        <source>A time in this change ({time}) is older than the central system accepts ({days} days).</source>
        <translation>Një kohë në këtë ndryshim ({time}) është më e vjetër se sa pranon sistemi qendror ({days} ditë).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>A time in this change ({time}) is in the future: check this desk's clock.</source>
        <translation>Një kohë në këtë ndryshim ({time}) është në të ardhmen: kontrolloni orën e këtij sporteli.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>A time in this change ({time}) is outside the range this desk accepts.</source>
        <translation>Një kohë në këtë ndryshim ({time}) është jashtë kufijve që pranon ky sportel.</translation>
    </message>
    <message>
        <location filename="../../rules/events.py" line="+70" />
        <source>The {kind} event's {key} is missing or not valid.</source>
        <translation>Fusha {key} e ngjarjes {kind} mungon ose nuk është e vlefshme.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unknown event kind {kind}.</source>
        <translation>Lloj i panjohur ngjarjeje: {kind}.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The {kind} event cannot carry {key}.</source>
        <translation>Ngjarja {kind} nuk mund të mbajë {key}.</translation>
    </message>
    <message>
        <location line="+58" />
        <source>A {kind} event does not change the status.</source>
        <translation>Një ngjarje {kind} nuk e ndryshon statusin.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A {kind} event cannot end in status {status}.</source>
        <translation>Një ngjarje {kind} nuk mund të përfundojë me statusin {status}.</translation>
    </message>
    <message>
        <location line="+7" />
        <location filename="../../rules/snapshots.py" line="-61" />
        <source>The change names workstation {named}, not {workstation}.</source>
        <translation>Ndryshimi përmend sportelin {named}, jo {workstation}.</translation>
    </message>
    <message>
        <location filename="../../rules/snapshots.py" line="-29" />
        <source>The promised date {due} does not fit a standard of {days} working days.</source>
        <translation>Data e premtuar {due} nuk përputhet me një standard prej {days} ditësh pune.</translation>
    </message>
    <message>
        <location line="+25" />
        <location line="+83" />
        <source>Request {receipt_no} names unit {named}, not {unit}.</source>
        <translation>Kërkesa {receipt_no} përmend njësinë {named}, jo {unit}.</translation>
    </message>
    <message>
        <location line="-72" />
        <source>A new request needs its intake event.</source>
        <translation>Një kërkesë e re ka nevojë për ngjarjen e pranimit.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Request {receipt_no} does not arrive as a new request.</source>
        <translation>Kërkesa {receipt_no} nuk vjen si kërkesë e re.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Service {code} is not in a catalogue the central system published.</source>
        <translation>Shërbimi {code} nuk është në asnjë katalog të publikuar nga sistemi qendror.</translation>
    </message>
    <message>
        <location line="+18" />
        <location filename="../../workflow/intake.py" line="-100" />
        <source>To be told when the request is ready, give a phone number or an e-mail.</source>
        <translation>Që qytetari të njoftohet kur kërkesa është gati, jepni një numër telefoni ose një adresë poste elektronike.</translation>
    </message>
    <message>
        <location line="+5" />
        <location filename="../../workflow/intake.py" line="+10" />
        <source>Only a complaint names the receipt it is about.</source>
        <translation>Vetëm një ankesë tregon dëshminë për të cilën bëhet.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A complaint cannot be about itself.</source>
        <translation>Një ankesë nuk mund të jetë për veten.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Request {receipt_no} was updated before it was received.</source>
        <translation>Kërkesa {receipt_no} u ndryshua para se të pranohej.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The promised date of request {receipt_no} is not plausible.</source>
        <translation>Data e premtuar e kërkesës {receipt_no} nuk është e besueshme.</translation>
    </message>
    <message>
        <location filename="../../rules/roles.py" line="-53" />
        <source>Only a supervisor can cancel a request.</source>
        <translation>Vetëm mbikëqyrësi mund ta anulojë një kërkesë.</translation>
    </message>
    <message>
        <location filename="../../rules/events.py" line="-4" />
        <location filename="../../rules/transitions.py" line="-69" />
        <source>Only a return for completion names missing documents.</source>
        <translation>Vetëm një kthim për plotësim emërton dokumentet që mungojnë.</translation>
    </message>
    <message>
        <location filename="../../workflow/changes.py" line="+43" />
        <source>The satisfaction rating must be a whole number from 1 to 5.</source>
        <translation>Vlerësimi i kënaqësisë duhet të jetë numër i plotë nga 1 deri në 5.</translation>
    </message>
    <message>
        <location filename="../../rules/roles.py" line="+2" />
        <source>Only a supervisor can reassign requests.</source>
        <translation>Vetëm mbikëqyrësi mund t'i ricaktojë kërkesat.</translation>
    </message>
    <message>
        <location filename="../../workflow/changes.py" line="+4" />
        <source>Say who collected the result.</source>
        <translation>Tregoni kush e mori rezultatin.</translation>
    </message>
    <message>
        <location line="+54" />
        <source>Give a reason for the reassignment.</source>
        <translation>Jepni një arsye për ricaktimin.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choose at least one request.</source>
        <translation>Zgjidhni të paktën një kërkesë.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{username} cannot take requests (inactive or not counter staff).</source>
        <translation>{username} nuk mund të marrë kërkesa (joaktiv ose jo staf i sportelit).</translation>
    </message>
    <message>
        <location line="+79" />
        <source>Choose how it went overall, from 1 to 5.</source>
        <translation>Zgjidhni si shkoi në përgjithësi, nga 1 deri në 5.</translation>
    </message>
    <message>
        <location filename="../../rules/transitions.py" line="+18" />
        <source>Request {receipt_no} is {status} and cannot be reassigned.</source>
        <translation>Kërkesa {receipt_no} është {status} dhe nuk mund të ricaktohet.</translation>
    </message>
    <message>
        <location filename="../../workflow/changes.py" line="-40" />
        <source>The note is empty.</source>
        <translation>Shënimi është bosh.</translation>
    </message>
    <message>
        <location filename="../../standards.py" line="+158" />
        <source>The end date {date_to} is before the start date {date_from}.</source>
        <translation>Data e mbarimit {date_to} është para datës së fillimit {date_from}.</translation>
    </message>
    <message>
        <location filename="../../reports.py" line="+179" />
        <source>A report is grouped by service, clerk or unit, not {by}.</source>
        <translation>Një raport grupohet sipas shërbimit, punonjësit ose njësisë, jo sipas {by}.</translation>
    </message>
    <message>
        <location filename="../../sync/accounts.py" line="-24" />
        <source>This desk is not enrolled with a central system.</source>
        <translation>Ky sportel nuk është i regjistruar në një sistem qendror.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>This desk cannot reach the central system ({problem}).</source>
        <translation>Ky sportel nuk arrin dot sistemin qendror ({problem}).</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Changing a password needs the central system, and it cannot be reached now. Try again later.</source>
        <translation>Ndryshimi i fjalëkalimit kërkon sistemin qendror, i cili nuk arrihet tani. Provoni më vonë.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The central system refused the new password: {why}</source>
        <translation>Sistemi qendror e refuzoi fjalëkalimin e ri: {why}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The central system refused the change: {why}</source>
        <translation>Sistemi qendror e refuzoi ndryshimin: {why}</translation>
    </message>
    <message>
        <location line="+25" />
        <source>The central anchor could not be read ({problem}).</source>
        <translation>Shënimi qendror i ankorimit nuk u lexua dot ({problem}).</translation>
    </message>
    <message>
        <location filename="../../wire_rows.py" line="+42" />
        <location line="+49" />
        <location line="+12" />
        <source>This change cannot be recorded: {problem}.</source>
        <translation>Ky ndryshim nuk mund të regjistrohet: {problem}.</translation>
    </message>
    <message>
        <location filename="../../db.py" line="+291" />
        <location filename="../../dbfiles.py" line="+199" />
        <source>{file} does not open with this key, or it is not a frontdesk database.</source>
        <translation>{file} nuk hapet me këtë çelës, ose nuk është bazë të dhënash e frontdesk.</translation>
    </message>
    <message>
        <location filename="../../dbfiles.py" line="-20" />
        <location filename="../../dbkey.py" line="+138" />
        <location filename="../../vault.py" line="+53" />
        <source>{file} is not a frontdesk database.</source>
        <translation>{file} nuk është bazë të dhënash e frontdesk.</translation>
    </message>
    <message>
        <location line="+3" />
        <location filename="../../vault.py" line="-13" />
        <source>{file} is not encrypted: it is not a backup of this version.</source>
        <translation>{file} nuk është i enkriptuar: nuk është kopje rezervë e këtij versioni.</translation>
    </message>
    <message>
        <location filename="../../dbkey.py" line="-37" />
        <source>This is not a valid recovery code: it has 32 letters and digits in groups of four, as printed when the desk was set up.</source>
        <translation>Ky nuk është kod rikuperimi i vlefshëm: ka 32 shkronja dhe shifra në grupe prej katër, siç u shfaq kur u instalua sporteli.</translation>
    </message>
    <message>
        <location line="+155" />
        <source>The key of the database {file} is not on this computer (OS keyring locked or reset?). Restore it with: frontdesk key recover (the recovery code, or ask the central administrator).</source>
        <translation>Çelësi i bazës së të dhënave {file} nuk gjendet në këtë kompjuter (ruajtësi i çelësave i sistemit është i kyçur apo u rivendos?). Riktheheni me: frontdesk key recover (me kodin e rikuperimit, ose pyesni administratorin qendror).</translation>
    </message>
    <message>
        <location filename="../../cli/common.py" line="+87" />
        <source>The value of {option} is not valid text (UTF-8).</source>
        <translation>Vlera e {option} nuk është tekst i vlefshëm (UTF-8).</translation>
    </message>
    <message>
        <location line="+63" />
        <location line="+7" />
        <source>Standard input is not valid text (UTF-8).</source>
        <translation>Hyrja standarde nuk është tekst i vlefshëm (UTF-8).</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Nothing was given on standard input.</source>
        <translation>Asgjë nuk u dha në hyrjen standarde.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The line on standard input is too long.</source>
        <translation>Rreshti në hyrjen standarde është shumë i gjatë.</translation>
    </message>
    <message>
        <location line="+20" />
        <location filename="../../restore.py" line="+143" />
        <source>{path} is the live database: choose another file.</source>
        <translation>{path} është baza e të dhënave në përdorim: zgjidhni një skedar tjetër.</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+42" />
        <source>{path} is a folder: name a file in it.</source>
        <translation>{path} është dosje: emërtoni një skedar brenda saj.</translation>
    </message>
    <message>
        <location line="-31" />
        <source>{path} is not a file name.</source>
        <translation>{path} nuk është emër skedari.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{path} cannot be written: {reason}.</source>
        <translation>{path} nuk mund të shkruhet: {reason}.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>There is no file {path}.</source>
        <translation>Nuk ka skedar {path}.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{path} cannot be read: {reason}.</source>
        <translation>{path} nuk mund të lexohet: {reason}.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{path} is larger than {mb} MB: it is not a file this command reads.</source>
        <translation>{path} është më i madh se {mb} MB: nuk është skedar që lexon kjo komandë.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>{option}: expected a date as YYYY-MM-DD, got {value}.</source>
        <translation>{option}: pritej një datë si VVVV-MM-DD, u dha {value}.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{option}: the date must lie between {first} and {last}.</source>
        <translation>{option}: data duhet të jetë ndërmjet {first} dhe {last}.</translation>
    </message>
    <message>
        <location filename="../../restore.py" line="-3" />
        <source>--skip must be a whole number from 0 to {max}.</source>
        <translation>--skip duhet të jetë numër i plotë nga 0 deri në {max}.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>The backup {file} failed the check ({problem}): nothing was restored.</source>
        <translation>Kopja rezervë {file} nuk e kaloi kontrollin ({problem}): asgjë nuk u rikthye.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The backup is of workstation {ws} of unit {unit}, this desk is {here}: restoring it here would make this desk a copy of another.</source>
        <translation>Kopja rezervë është e sportelit {ws} të njësisë {unit}, ky sportel është {here}: rikthimi i saj këtu do ta bënte këtë sportel kopje të një tjetri.</translation>
    </message>
    <message>
        <location filename="../../ui/services.py" line="+37" />
        <source>Request {receipt_no} was not voided.</source>
        <translation>Kërkesa {receipt_no} nuk është anuluar.</translation>
    </message>
    <message>
        <location filename="../../citizen_report.py" line="+32" />
        <source>Unknown grouping {by}.</source>
        <translation>Grupim i panjohur {by}.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The end date is before the start date.</source>
        <translation>Data e mbarimit është para datës së fillimit.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="+82" />
        <source>The database is busy (another program on this computer is using it). Nothing was saved; try again in a moment.</source>
        <translation>Baza e të dhënave është e zënë (e përdor një program tjetër në këtë kompjuter). Asgjë nuk u ruajt; provoni përsëri pas pak.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>Disku është plot. Asgjë nuk u ruajt; lironi hapësirë dhe provoni përsëri.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Permission denied when writing a file ({path}). Ask IT to check the data directory.</source>
        <translation>Nuk lejohet shkrimi i skedarit ({path}). Kërkojini IT-së të kontrollojë dosjen e të dhënave.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Something went wrong. Nothing was half-written; the details are in the log file. Please tell IT what you were doing.</source>
        <translation>Diçka nuk shkoi mirë. Asgjë nuk u shkrua përgjysmë; hollësitë janë në skedarin e regjistrit. Ju lutemi tregojini IT-së çfarë po bënit.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../ui/printing.py" line="+71" />
        <source>No printer is set up on this workstation. The request is saved: choose a printer in the settings and reprint the receipt.</source>
        <translation>Në këtë stacion pune nuk është konfiguruar asnjë printer. Kërkesa është ruajtur: zgjidhni një printer te cilësimet dhe riprintoni mandatën.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The printer {printer} is not available. The request is saved: reprint the receipt when the printer is back, or choose another printer.</source>
        <translation>Printeri {printer} nuk është i disponueshëm. Kërkesa është ruajtur: riprintoni mandatën kur printeri të jetë gati, ose zgjidhni një printer tjetër.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The printer {printer} is stopped or is not accepting jobs. The request is saved: reprint the receipt when the printer is back, or choose another printer.</source>
        <translation>Printeri {printer} është ndalur ose nuk pranon punë. Kërkesa është ruajtur: riprintoni mandatën kur printeri të jetë gati, ose zgjidhni një printer tjetër.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Printing on {printer} could not start. The request is saved: check the printer (paper, cover, cable) and reprint the receipt.</source>
        <translation>Printimi në {printer} nuk mundi të fillojë. Kërkesa është ruajtur: kontrolloni printerin (letrën, kapakun, kabllon) dhe riprintoni mandatën.</translation>
    </message>
    <message>
        <location line="+182" />
        <source>Receipt preview</source>
        <translation>Pamja paraprake e mandatës</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Pages to print</source>
        <translation>Faqet për printim</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Print</source>
        <translation>&amp;Printo</translation>
    </message>
    <message>
        <location line="+3" />
        <source>C&amp;lose</source>
        <translation>&amp;Mbyll</translation>
    </message>
    <message>
        <location filename="../../ui/services.py" line="-9" />
        <source>Printing is switched off in the settings (printer: none). The request is saved: choose a printer in the settings and reprint the receipt.</source>
        <translation>Printimi është i çaktivizuar te cilësimet (printeri: none). Kërkesa është ruajtur: zgjidhni një printer te cilësimet dhe riprintoni mandatën.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Printing is switched off in the settings (printer: none). Choose a printer, then print again.</source>
        <translation>Printimi është i fikur te cilësimet (printeri: none). Zgjidhni një printer, pastaj printoni përsëri.</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../standards.py" line="+145" />
        <source>Unassigned</source>
        <translation>Pa caktuar</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Total</source>
        <translation>Gjithsej</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="-426" />
        <source>Clerk</source>
        <translation>Punonjës sporteli</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>Mbikëqyrës</translation>
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
        <translation>Në afat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due soon</source>
        <translation>Afati po mbaron</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>Me vonesë</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../lifecycle.py" line="+15" />
        <source>Received</source>
        <translation>Pranuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Forwarded</source>
        <translation>Përcjellë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>Në shqyrtim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ready for collection</source>
        <translation>Gati për t'u tërhequr</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delivered</source>
        <translation>Dorëzuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Returned for completion</source>
        <translation>Kthyer për plotësim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rejected</source>
        <translation>Refuzuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <translation>Anuluar</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../ui/sync_words.py" line="+64" />
        <source>less than a minute</source>
        <translation>më pak se një minutë</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{h} h {m} min</source>
        <translation>{h} orë {m} min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{n} days</source>
        <translation>{n} ditë</translation>
    </message>
    <message>
        <location line="+34" />
        <source>No error.</source>
        <translation>Asnjë gabim.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The central server cannot be reached (network down or server stopped). Work continues here; everything is sent when the connection is back.</source>
        <translation>Serveri qendror nuk arrihet (rrjeti nuk punon ose serveri është ndalur). Puna vazhdon këtu; gjithçka dërgohet kur të kthehet lidhja.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The central server's certificate is not trusted: the address may be wrong, or something on the network is pretending to be the server. Nothing was sent. Work continues here; call IT.</source>
        <translation>Certifikata e serverit qendror nuk është e besuar: adresa mund të jetë e gabuar, ose diçka në rrjet po hiqet si serveri. Asgjë nuk u dërgua. Puna vazhdon këtu; telefononi IT-në.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Sync is stopped: the central system suspects this workstation is a copy of another one (its receipt counter went backwards). Keep working, but call the municipality's IT now.</source>
        <translation>Sinkronizimi është ndalur: sistemi qendror dyshon se ky stacion pune është kopje e një tjetri (numëruesi i mandatave shkoi prapa). Vazhdoni punën, por telefononi tani IT-në e bashkisë.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This workstation is not connected to a central server.</source>
        <translation>Ky stacion pune nuk është i lidhur me një server qendror.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The central system refused this workstation. It must be enrolled again: call IT.</source>
        <translation>Sistemi qendror e refuzoi këtë stacion pune. Duhet regjistruar përsëri: telefononi IT-në.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The workstation's key cannot be read from the system's keyring. Call IT.</source>
        <translation>Çelësi i stacionit të punës nuk lexohet nga ruajtësi i çelësave i sistemit. Telefononi IT-në.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The central server reported an error. It is tried again automatically.</source>
        <translation>Serveri qendror njoftoi një gabim. Provohet përsëri automatikisht.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sync failed ({reason}). It is tried again automatically.</source>
        <translation>Sinkronizimi dështoi ({reason}). Provohet përsëri automatikisht.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>New request</source>
        <translation>Kërkesë e re</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status change</source>
        <translation>Ndryshim gjendjeje</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassignment</source>
        <translation>Ricaktim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delivery</source>
        <translation>Dorëzim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Shënim</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt print</source>
        <translation>Printim mandate</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re-sent request</source>
        <translation>Kërkesë e ridërguar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Voided by mistake</source>
        <translation>Anuluar si i gabuar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit service</source>
        <translation>Shërbim i njësisë</translation>
    </message>
    <message>
        <location line="+8" />
        <source>nobody</source>
        <translation>askush</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Someone else reassigned this request first; it is now with {assignee}. Check and reassign again if needed.</source>
        <translation>Dikush tjetër e ricaktoi i pari këtë kërkesë; tani është te {assignee}. Kontrollojeni dhe ricaktojeni përsëri nëse duhet.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The request had already moved on elsewhere (it is now: {status}), so this change was not applied. Open the request, check it and repeat the step if it is still needed.</source>
        <translation>Kërkesa kishte ecur tashmë diku tjetër (tani është: {status}), prandaj ky ndryshim nuk u zbatua. Hapeni kërkesën, kontrollojeni dhe përsëriteni hapin nëse duhet ende.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The central system does not know this request, so the change was not applied. Call IT and give them the receipt number.</source>
        <translation>Sistemi qendror nuk e njeh këtë kërkesë, prandaj ndryshimi nuk u zbatua. Telefononi IT-në dhe jepuni numrin e mandatës.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The central system already has this receipt number for another request: this workstation may be a copy of another one. Call IT now.</source>
        <translation>Sistemi qendror e ka tashmë këtë numër mandate për një kërkesë tjetër: ky stacion pune mund të jetë kopje e një tjetri. Telefononi tani IT-në.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This change belongs to another administrative unit and was refused. Call IT.</source>
        <translation>Ky ndryshim i përket një njësie tjetër administrative dhe u refuzua. Telefononi IT-në.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The central system could not accept the data of this change. Call IT and give them the receipt number.</source>
        <translation>Sistemi qendror nuk mundi t'i pranojë të dhënat e këtij ndryshimi. Telefononi IT-në dhe jepuni numrin e mandatës.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The user who made this change may not do it at the central system. Ask a supervisor to do it again.</source>
        <translation>Përdoruesi që e bëri këtë ndryshim nuk ka të drejtë ta bëjë në sistemin qendror. Kërkojini një mbikëqyrësi ta bëjë përsëri.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The user who made this change is not an account of this unit on the central system. Ask IT to accept or create the account.</source>
        <translation>Përdoruesi që bëri këtë ndryshim nuk është llogari e kësaj njësie në sistemin qendror. Kërkojini IT-së ta pranojë ose ta krijojë llogarinë.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This change names another workstation than this one and was refused. Call IT.</source>
        <translation>Ky ndryshim përmend një sportel tjetër nga ky dhe u refuzua. Telefononi IT-në.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The receipt number of this change does not belong to this workstation, or its check character is wrong. Call IT and give them the receipt number.</source>
        <translation>Numri i mandatës së këtij ndryshimi nuk i përket këtij sporteli, ose shenja e kontrollit është e gabuar. Telefononi IT-në dhe jepuni numrin e mandatës.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The time of this change is outside what the central system accepts: check this computer's date and clock, then call IT.</source>
        <translation>Koha e këtij ndryshimi është jashtë asaj që pranon sistemi qendror: kontrolloni datën dhe orën e këtij kompjuteri, pastaj telefononi IT-në.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The central system refused this change ({reason}). Call IT and give them the receipt number.</source>
        <translation>Sistemi qendror e refuzoi këtë ndryshim ({reason}). Telefononi IT-në dhe jepuni numrin e mandatës.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The central system sent a request that cannot belong here (another unit, or a receipt number that clashes with this desk's). It was not applied. Call IT.</source>
        <translation>Sistemi qendror dërgoi një kërkesë që nuk mund t'i përkasë këtu (një njësi tjetër, ose një numër mandate që përplaset me ato të këtij sporteli). Nuk u zbatua. Telefononi IT-në.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The central system sent a change with an impossible date; it was not applied. Check this computer's clock, then call IT.</source>
        <translation>Sistemi qendror dërgoi një ndryshim me datë të pamundur; nuk u zbatua. Kontrolloni orën e këtij kompjuteri, pastaj telefononi IT-në.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The central system sent a change that would move a finished request back; it was not applied. Call IT and give them the receipt number.</source>
        <translation>Sistemi qendror dërgoi një ndryshim që do ta kthente mbrapsht një kërkesë të përfunduar; nuk u zbatua. Telefononi IT-në dhe jepuni numrin e mandatës.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The central system sent a change this desk cannot read; it was not applied. Call IT.</source>
        <translation>Sistemi qendror dërgoi një ndryshim që ky sportel nuk e lexon dot; nuk u zbatua. Telefononi IT-në.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>not measured yet</source>
        <translation>ende e pamatur</translation>
    </message>
    <message>
        <location line="+2" />
        <source>right (within two minutes of the central system)</source>
        <translation>e saktë (brenda dy minutave nga sistemi qendror)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{age} ahead of the central system: set the clock</source>
        <translation>{age} përpara sistemit qendror: rregulloni orën</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{age} behind the central system: set the clock</source>
        <translation>{age} pas sistemit qendror: rregulloni orën</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Not connected to a central server</source>
        <translation>Pa lidhje me server qendror</translation>
    </message>
    <message>
        <location line="+2" />
        <source>last sync {time}</source>
        <translation>sinkronizimi i fundit {time}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sync stopped: call IT</source>
        <translation>Sinkronizimi u ndal: telefononi IT-në</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Errors: {n} rejected</source>
        <translation>Gabime: {n} të refuzuara</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Errors: {n} rejected (tell a supervisor)</source>
        <translation>Gabime: {n} të refuzuara (njoftoni mbikëqyrësin)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{n} pending</source>
        <translation>{n} në pritje</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Syncing…</source>
        <translation>Po sinkronizohet…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Offline: central server unreachable since {time}</source>
        <translation>Pa lidhje: serveri qendror nuk arrihet që nga {time}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Sync problem: {reason}</source>
        <translation>Problem sinkronizimi: {reason}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Online ({last})</source>
        <translation>Në linjë ({last})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not synced yet</source>
        <translation>Ende pa u sinkronizuar</translation>
    </message>
</context>
</TS>