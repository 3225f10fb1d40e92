<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/login.py" line="+247" />
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
        <location line="+1" />
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Repeat new password</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Change password</source>
        <translation>&amp;Change password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/intake.py" line="+224" />
        <source>New request</source>
        <translation>New request</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Personal number:</source>
        <translation>&amp;Personal number:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Personal number</source>
        <translation>Personal number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>e.g. J00101999W</source>
        <translation>e.g. J00101999W</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Use these details (F4)</source>
        <translation>&amp;Use these details (F4)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use the details from an earlier visit</source>
        <translation>Use the details from an earlier visit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full &amp;name:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;hone:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;riority (elderly or disabled citizen)</source>
        <translation>P&amp;riority (elderly or disabled citizen)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Servi&amp;ce:</source>
        <translation>Servi&amp;ce:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Documents received:</source>
        <translation>&amp;Documents received:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Documents received</source>
        <translation>Documents received</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Space ticks the highlighted document; * marks required ones</source>
        <translation>Space ticks the highlighted document; * marks required ones</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tick &amp;all (Ctrl+D)</source>
        <translation>Tick &amp;all (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>F&amp;ee paid:</source>
        <translation>F&amp;ee paid:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fee paid</source>
        <translation>Fee paid</translation>
    </message>
    <message>
        <location line="+1" />
        <source> lekë</source>
        <translation> lekë</translation>
    </message>
    <message>
        <location line="+1" />
        <source>N&amp;ote:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Services in this visit</source>
        <translation>Services in this visit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add ano&amp;ther service (Ctrl+N)</source>
        <translation>Add ano&amp;ther service (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;move service</source>
        <translation>Re&amp;move service</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Save and print (Ctrl+Enter)</source>
        <translation>&amp;Save and print (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;lear form</source>
        <translation>C&amp;lear form</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last visit:</source>
        <translation>Last visit:</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Personal number is valid.</source>
        <translation>Personal number is valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>You will be asked to confirm when saving.</source>
        <translation>You will be asked to confirm when saving.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Known from an earlier visit: {details}</source>
        <translation>Known from an earlier visit: {details}</translation>
    </message>
    <message>
        <location line="+37" />
        <source>No service chosen yet.</source>
        <translation>No service chosen yet.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{code} — {name}. Fee {fee} lekë; standard {days} working days.</source>
        <translation>{code} — {name}. Fee {fee} lekë; standard {days} working days.</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Choose a service first, then add another one.</source>
        <translation>Choose a service first, then add another one.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Service added. Choose the next service of this visit.</source>
        <translation>Service added. Choose the next service of this visit.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>{code} — {name} ({n} documents)</source>
        <translation>{code} — {name} ({n} documents)</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Choose at least one service.</source>
        <translation>Choose at least one service.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Correct the personal number, then save again.</source>
        <translation>Correct the personal number, then save again.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Check letter does not match</source>
        <translation>Check letter does not match</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Correct the number</source>
        <translation>&amp;Correct the number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Keep it as typed</source>
        <translation>&amp;Keep it as typed</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Not saved. Tick the documents received, then save again.</source>
        <translation>Not saved. Tick the documents received, then save again.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Return the request to the citizen for completion, or accept it anyway?</source>
        <translation>Return the request to the citizen for completion, or accept it anyway?</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Documents missing</source>
        <translation>Documents missing</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Return for completion</source>
        <translation>&amp;Return for completion</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Accept anyway</source>
        <translation>&amp;Accept anyway</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Go &amp;back</source>
        <translation>Go &amp;back</translation>
    </message>
    <message>
        <location line="+28" />
        <source>{receipts} — promised by {date}</source>
        <translation>{receipts} — promised by {date}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(returned for completion: {nos})</source>
        <translation>(returned for completion: {nos})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saved. Printing the receipt…</source>
        <translation>Saved. Printing the receipt…</translation>
    </message>
    <message>
        <location line="+9" />
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
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="-160" />
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
        <location line="+1" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1" />
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
        <location line="+21" />
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
        <location filename="../../ui/mainwindow.py" line="+148" />
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
        <location line="+1" />
        <source>Scan or type a receipt number</source>
        <translation>Scan or type a receipt number</translation>
    </message>
    <message>
        <location line="+1" />
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
        <location line="+4" />
        <source>{name} ({role}) · unit {unit} · workstation {ws}</source>
        <translation>{name} ({role}) · unit {unit} · workstation {ws}</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Opened {no}.</source>
        <translation>Opened {no}.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Still saving or printing; try again in a moment.</source>
        <translation>Still saving or printing; try again in a moment.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/worklist.py" line="+46" />
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
</context>
<context>
    <name>RequestDetailPage</name>
    <message>
        <location filename="../../ui/detail.py" line="+161" />
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+1" />
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
        <location line="+1" />
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt prints:</source>
        <translation>Receipt prints:</translation>
    </message>
    <message>
        <location line="+4" />
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
        <source>Re&amp;print receipt</source>
        <translation>Re&amp;print receipt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add n&amp;ote:</source>
        <translation>Add n&amp;ote:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New note</source>
        <translation>New note</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reass&amp;ign to:</source>
        <translation>Reass&amp;ign to:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassign to</source>
        <translation>Reassign to</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason for the reassignment</source>
        <translation>Reason for the reassignment</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reassign</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <location line="+1" />
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
        <location line="+34" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{fee} lekë</source>
        <translation>{fee} lekë</translation>
    </message>
    <message>
        <location line="+21" />
        <source>→ {status}</source>
        <translation>→ {status}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Change status to {status}</source>
        <translation>Change status to {status}</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Received at the counter ({status})</source>
        <translation>Received at the counter ({status})</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status: {old} → {new}</source>
        <translation>Status: {old} → {new}</translation>
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
        <source>Reassigned from {old} to {new}: {reason}</source>
        <translation>Reassigned from {old} to {new}: {reason}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Note: {text}</source>
        <translation>Note: {text}</translation>
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
        <location line="+43" />
        <source>Status changed to {status}.</source>
        <translation>Status changed to {status}.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>S&amp;kip</source>
        <translation>S&amp;kip</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Deliver to citizen</source>
        <translation>Deliver to citizen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How satisfied is the citizen with the service? 5 = very satisfied, 1 = not at all. The citizen may skip this.</source>
        <translation>How satisfied is the citizen with the service? 5 = very satisfied, 1 = not at all. The citizen may skip this.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Delivered.</source>
        <translation>Delivered.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Note added.</source>
        <translation>Note added.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Reassigned.</source>
        <translation>Reassigned.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Receipt printed (copy {n}).</source>
        <translation>Receipt printed (copy {n}).</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <location filename="../../ui/service_picker.py" line="+44" />
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
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+67" />
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
    <name>WorklistPage</name>
    <message>
        <location filename="../../ui/worklist.py" line="+201" />
        <source>Worklist</source>
        <translation>Worklist</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fi&amp;nd:</source>
        <translation>Fi&amp;nd:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Receipt no., personal number or name</source>
        <translation>Receipt no., personal number or name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find in the worklist</source>
        <translation>Find in the worklist</translation>
    </message>
    <message>
        <location line="+1" />
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter by status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Assigned to:</source>
        <translation>&amp;Assigned to:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter by assignee</source>
        <translation>Filter by assignee</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Servi&amp;ce:</source>
        <translation>Servi&amp;ce:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter by service</source>
        <translation>Filter by service</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only &amp;overdue</source>
        <translation>Only &amp;overdue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only overdue requests</source>
        <translation>Only overdue requests</translation>
    </message>
    <message>
        <location line="+1" />
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
        <location line="+48" />
        <source>{total} requests</source>
        <translation>{total} requests</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="+63" />
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
        <location line="+111" />
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
        <location filename="../../audit.py" line="+187" />
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
        <location filename="../../catalog_format.py" line="+240" />
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
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../auth.py" line="+91" />
        <location filename="../../numbering.py" line="+146" />
        <location filename="../../setup.py" line="+87" />
        <source>This workstation is not initialised yet (run init).</source>
        <translation>This workstation is not initialised yet (run init).</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The password must have at least {n} characters.</source>
        <translation>The password must have at least {n} characters.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Your role ({role}) does not allow this action.</source>
        <translation>Your role ({role}) does not allow this action.</translation>
    </message>
    <message>
        <location line="+7" />
        <location filename="../../workflow/changes.py" line="+132" />
        <source>There is no user {username}.</source>
        <translation>There is no user {username}.</translation>
    </message>
    <message>
        <location line="+21" />
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
        <location line="+6" />
        <source>User {username} already exists.</source>
        <translation>User {username} already exists.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+112" />
        <source>This account has been deactivated.</source>
        <translation>This account has been deactivated.</translation>
    </message>
    <message>
        <location line="-109" />
        <location line="+33" />
        <source>Too many failed sign-ins: the account is locked until {until} (UTC).</source>
        <translation>Too many failed sign-ins: the account is locked until {until} (UTC).</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The new password must differ from the current one.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>You cannot deactivate your own account.</source>
        <translation>You cannot deactivate your own account.</translation>
    </message>
    <message>
        <location filename="../../catalog_format.py" line="-165" />
        <source>The catalogue {source} has {count} problem(s):
{details}</source>
        <translation>The catalogue {source} has {count} problem(s):
{details}</translation>
    </message>
    <message>
        <location line="+395" />
        <source>Service field {where}: {problem}</source>
        <translation>Service field {where}: {problem}</translation>
    </message>
    <message>
        <location filename="../../catalog.py" line="+150" />
        <source>A service with code {code} already exists.</source>
        <translation>A service with code {code} already exists.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Service {code} comes from the central catalogue; it is set there.</source>
        <translation>Service {code} comes from the central catalogue; it is set there.</translation>
    </message>
    <message>
        <location line="+33" />
        <location filename="../../workflow/intake.py" line="+91" />
        <source>There is no service with code {code}.</source>
        <translation>There is no service with code {code}.</translation>
    </message>
    <message>
        <location filename="../../errors.py" line="+43" />
        <source>The check letter of personal number {nid} does not match (expected {expected}). Check the document; confirm only if the number is typed exactly as printed.</source>
        <translation>The check letter of personal number {nid} does not match (expected {expected}). Check the document; confirm only if the number is typed exactly as printed.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Required documents missing for service {service}: {codes}.</source>
        <translation>Required documents missing for service {service}: {codes}.</translation>
    </message>
    <message>
        <location filename="../../identity.py" line="+110" />
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
        <location filename="../../numbering.py" line="-101" />
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
        <location filename="../../queries.py" line="+136" />
        <source>No request with receipt number {receipt_no}.</source>
        <translation>No request with receipt number {receipt_no}.</translation>
    </message>
    <message>
        <location line="+118" />
        <location filename="../../workflow/changes.py" line="-94" />
        <source>Unknown status {status}.</source>
        <translation>Unknown status {status}.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Cannot sort by {column}.</source>
        <translation>Cannot sort by {column}.</translation>
    </message>
    <message>
        <location filename="../../receipts.py" line="+174" />
        <source>No request has the receipt number {receipt_no}.</source>
        <translation>No request has the receipt number {receipt_no}.</translation>
    </message>
    <message>
        <location filename="../../setup.py" line="-26" />
        <source>The unit name is required.</source>
        <translation>The unit name is required.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This data directory is already initialised as workstation {ws} of unit {unit}.</source>
        <translation>This data directory is already initialised as workstation {ws} of unit {unit}.</translation>
    </message>
    <message>
        <location filename="../../workflow/record.py" line="+173" />
        <source>A note can have at most {n} characters.</source>
        <translation>A note can have at most {n} characters.</translation>
    </message>
    <message>
        <location filename="../../workflow/intake.py" line="-40" />
        <source>The citizen's name is required.</source>
        <translation>The citizen's name is required.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The name can have at most {n} characters.</source>
        <translation>The name can have at most {n} characters.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The phone number may contain only digits, spaces and + - ( ).</source>
        <translation>The phone number may contain only digits, spaces and + - ( ).</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Service {code} is no longer offered.</source>
        <translation>Service {code} is no longer offered.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Service {code} does not ask for document {doc}.</source>
        <translation>Service {code} does not ask for document {doc}.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The fee paid cannot be negative.</source>
        <translation>The fee paid cannot be negative.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Choose at least one service.</source>
        <translation>Choose at least one service.</translation>
    </message>
    <message>
        <location filename="../../workflow/changes.py" line="+31" />
        <source>Request {receipt_no} is {status}: it cannot become {target}.</source>
        <translation>Request {receipt_no} is {status}: it cannot become {target}.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Only a supervisor can cancel a request.</source>
        <translation>Only a supervisor can cancel a request.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The satisfaction rating must be a whole number from 1 to 5.</source>
        <translation>The satisfaction rating must be a whole number from 1 to 5.</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Only a supervisor can reassign requests.</source>
        <translation>Only a supervisor can reassign requests.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Give a reason for the reassignment.</source>
        <translation>Give a reason for the reassignment.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose at least one request.</source>
        <translation>Choose at least one request.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{username} cannot take requests (inactive or not counter staff).</source>
        <translation>{username} cannot take requests (inactive or not counter staff).</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Request {receipt_no} is {status} and cannot be reassigned.</source>
        <translation>Request {receipt_no} is {status} and cannot be reassigned.</translation>
    </message>
    <message>
        <location line="+35" />
        <source>The note is empty.</source>
        <translation>The note is empty.</translation>
    </message>
    <message>
        <location filename="../../reports.py" line="+191" />
        <source>The end date {date_to} is before the start date {date_from}.</source>
        <translation>The end date {date_to} is before the start date {date_from}.</translation>
    </message>
    <message>
        <location line="+105" />
        <source>A report is grouped by service, clerk or unit, not {by}.</source>
        <translation>A report is grouped by service, clerk or unit, not {by}.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="+56" />
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
        <location filename="../../ui/printing.py" line="+77" />
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
        <location filename="../../ui/services.py" line="+27" />
        <source>Printing is switched off in the settings (printer: none). The request is saved: choose a printer in the settings and reprint the receipt.</source>
        <translation>Printing is switched off in the settings (printer: none). The request is saved: choose a printer in the settings and reprint the receipt.</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../reports.py" line="+17" />
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
        <location filename="../../ui/mainwindow.py" line="-209" />
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
        <location filename="../../deadlines.py" line="+35" />
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
</TS>