<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Lampang Planner</source>
        <translation>About Lampang Planner</translation>
    </message>
    <message>
        <source>Workshops, community needs and assembly resolutions for the Lampang Provincial Administrative Organization and the Lampang citizens&apos; network council. Works without internet; laptops exchange signed bundle files with the office.</source>
        <translation>Workshops, community needs and assembly resolutions for the Lampang Provincial Administrative Organization and the Lampang citizens&apos; network council. Works without internet; laptops exchange signed bundle files with the office.</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>Font licence (OFL)</source>
        <translation>Font licence (OFL)</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Lampang Planner is free software under the MIT licence. It includes the components below, each under its own licence. The Thai font Sarabun is under the SIL Open Font License 1.1 (full text in the next tab). Qt and PySide6 are used under the GNU LGPL version 3: their libraries are separate files in the program&apos;s folder and can be replaced with other builds.</source>
        <translation>Lampang Planner is free software under the MIT licence. It includes the components below, each under its own licence. The Thai font Sarabun is under the SIL Open Font License 1.1 (full text in the next tab). Qt and PySide6 are used under the GNU LGPL version 3: their libraries are separate files in the program&apos;s folder and can be replaced with other builds.</translation>
    </message>
    <message>
        <source>Sarabun © 2018 The Sarabun Project Authors (Cadson Demak), shipped unmodified with its licence:</source>
        <translation>Sarabun © 2018 The Sarabun Project Authors (Cadson Demak), shipped unmodified with its licence:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{name} ({role}), desk {desk}</source>
        <translation>{name} ({role}), desk {desk}</translation>
    </message>
    <message>
        <source>installed program</source>
        <translation>installed program</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Database schema</source>
        <translation>Database schema</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Built with</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>AdoptResolutionDialog</name>
    <message>
        <source>Adopt the resolution</source>
        <translation>Adopt the resolution</translation>
    </message>
    <message>
        <source>Clauses without an adopted text take their working text. Once adopted, the resolution no longer changes; every version stays on record.</source>
        <translation>Clauses without an adopted text take their working text. Once adopted, the resolution no longer changes; every version stays on record.</translation>
    </message>
    <message>
        <source>Adopted on</source>
        <translation>Adopted on</translation>
    </message>
    <message>
        <source>Consolidated text</source>
        <translation>Consolidated text</translation>
    </message>
</context>
<context>
    <name>AdoptTextDialog</name>
    <message>
        <source>Adopted text of clause {n}</source>
        <translation>Adopted text of clause {n}</translation>
    </message>
    <message>
        <source>Adopted text</source>
        <translation>Adopted text</translation>
    </message>
</context>
<context>
    <name>AmendmentDialog</name>
    <message>
        <source>Amendment to clause {n}</source>
        <translation>Amendment to clause {n}</translation>
    </message>
    <message>
        <source>Moved by</source>
        <translation>Moved by</translation>
    </message>
    <message>
        <source>Seconded by</source>
        <translation>Seconded by</translation>
    </message>
    <message>
        <source>Proposed text</source>
        <translation>Proposed text</translation>
    </message>
    <message>
        <source>The clause as it stands</source>
        <translation>The clause as it stands</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Showing {shown} of the newest {total} changes (choose dates or a kind of data to see older ones)</source>
        <translation>Showing {shown} of the newest {total} changes (choose dates or a kind of data to see older ones)</translation>
    </message>
    <message>
        <source>{n} changes</source>
        <translation>{n} changes</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} changes</source>
        <translation>Showing {shown} of {total} changes</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Exported {n} changes to {file}</source>
        <translation>Exported {n} changes to {file}</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Export failed: {reason}</translation>
    </message>
    <message>
        <source>Audit log — who changed what and when</source>
        <translation>Audit log — who changed what and when</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Search action, record, field, device or name…</source>
        <translation>Search action, record, field, device or name…</translation>
    </message>
    <message>
        <source>Device/desk and, in brackets, the name signed in on it</source>
        <translation>Device/desk and, in brackets, the name signed in on it</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Signed-in name</source>
        <translation>Signed-in name</translation>
    </message>
    <message>
        <source>Fields changed</source>
        <translation>Fields changed</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Record id</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Not done</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>BadgeDesk</name>
    <message>
        <source>No printer on this computer: the badge opened in the PDF viewer.</source>
        <translation>No printer on this computer: the badge opened in the PDF viewer.</translation>
    </message>
    <message>
        <source>No printer and no PDF viewer on this computer. The badge is saved in {path}</source>
        <translation>No printer and no PDF viewer on this computer. The badge is saved in {path}</translation>
    </message>
    <message>
        <source>The badge was not printed: {error}</source>
        <translation>The badge was not printed: {error}</translation>
    </message>
</context>
<context>
    <name>BadgePrinter</name>
    <message>
        <source>Badge label 90 × 65 mm</source>
        <translation>Badge label 90 × 65 mm</translation>
    </message>
    <message>
        <source>A4 sheet with cut marks</source>
        <translation>A4 sheet with cut marks</translation>
    </message>
    <message>
        <source>The printer {name} is not available.</source>
        <translation>The printer {name} is not available.</translation>
    </message>
    <message>
        <source>The printer {name} did not accept the badge.</source>
        <translation>The printer {name} did not accept the badge.</translation>
    </message>
    <message>
        <source>The printer {name} reported an error.</source>
        <translation>The printer {name} reported an error.</translation>
    </message>
    <message>
        <source>Badge sent to {name}.</source>
        <translation>Badge sent to {name}.</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Print badge</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>The desk remembers this; change it under Options.</source>
        <translation>The desk remembers this; change it under Options.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>No data yet</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>CardReaderController</name>
    <message>
        <source>ID card not read</source>
        <translation>ID card not read</translation>
    </message>
    <message>
        <source>Choose a workshop first</source>
        <translation>Choose a workshop first</translation>
    </message>
    <message>
        <source>There is no workshop to check in to.</source>
        <translation>There is no workshop to check in to.</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Not checked in</translation>
    </message>
    <message>
        <source>Not on the list</source>
        <translation>Not on the list</translation>
    </message>
    <message>
        <source>Please go to the registration desk: they will register you.</source>
        <translation>Please go to the registration desk: they will register you.</translation>
    </message>
    <message>
        <source>ID card reader: {problem}</source>
        <translation>ID card reader: {problem}</translation>
    </message>
    <message>
        <source>ID card reader ready ({reader}): insert a Thai ID card to check in</source>
        <translation>ID card reader ready ({reader}): insert a Thai ID card to check in</translation>
    </message>
    <message>
        <source>ID card reader: looking for readers…</source>
        <translation>ID card reader: looking for readers…</translation>
    </message>
    <message>
        <source>Pays allowances (keep citizen ID and address from ID cards, with consent)</source>
        <translation>Pays allowances (keep citizen ID and address from ID cards, with consent)</translation>
    </message>
</context>
<context>
    <name>CardWalkinDialog</name>
    <message>
        <source>Filled from the ID card. Ask for consent before saving.</source>
        <translation>Filled from the ID card. Ask for consent before saving.</translation>
    </message>
    <message>
        <source>This workshop pays allowances: the citizen ID and address from the card are kept if the person agrees.</source>
        <translation>This workshop pays allowances: the citizen ID and address from the card are kept if the person agrees.</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Need categories</source>
        <translation>Need categories</translation>
    </message>
    <message>
        <source>The categories needs are filed under, in the order pickers and reports show them. A category still used by a need cannot be removed.</source>
        <translation>The categories needs are filed under, in the order pickers and reports show them. A category still used by a need cannot be removed.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>Rename a category</source>
        <translation>Rename a category</translation>
    </message>
    <message>
        <source>Add a category</source>
        <translation>Add a category</translation>
    </message>
    <message>
        <source>Name in Thai</source>
        <translation>Name in Thai</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Name in English</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>a short English word, e.g. youth</source>
        <translation>a short English word, e.g. youth</translation>
    </message>
    <message>
        <source>Stored with each need and in reports; it cannot change later</source>
        <translation>Stored with each need and in reports; it cannot change later</translation>
    </message>
</context>
<context>
    <name>CheckinDoor</name>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
</context>
<context>
    <name>CheckinModels</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Tambon, district</source>
        <translation>Tambon, district</translation>
    </message>
    <message>
        <source>At this workshop</source>
        <translation>At this workshop</translation>
    </message>
    <message>
        <source>Checked in {time} (desk {desk})</source>
        <translation>Checked in {time} (desk {desk})</translation>
    </message>
    <message>
        <source>Not invited (walk-in)</source>
        <translation>Not invited (walk-in)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>paper</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <source>The desk name was not changed</source>
        <translation>The desk name was not changed</translation>
    </message>
    <message>
        <source>Choose a workshop first</source>
        <translation>Choose a workshop first</translation>
    </message>
    <message>
        <source>There is no workshop to check in to.</source>
        <translation>There is no workshop to check in to.</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Not checked in</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>Unknown code</translation>
    </message>
    <message>
        <source>Scanned: {text}</source>
        <translation>Scanned: {text}</translation>
    </message>
    <message>
        <source>Not on the invitation list: please see the desk staff.</source>
        <translation>Not on the invitation list: please see the desk staff.</translation>
    </message>
    <message>
        <source>Not on the invitation list of «{workshop}»: not checked in.</source>
        <translation>Not on the invitation list of «{workshop}»: not checked in.</translation>
    </message>
    <message>
        <source>Check in anyway and add to the list (F2)</source>
        <translation>Check in anyway and add to the list (F2)</translation>
    </message>
    <message>
        <source>No workshop yet</source>
        <translation>No workshop yet</translation>
    </message>
    <message>
        <source>Add a workshop on the Workshops page first.</source>
        <translation>Add a workshop on the Workshops page first.</translation>
    </message>
    <message>
        <source>Show your badge&apos;s QR code to the scanner</source>
        <translation>Show your badge&apos;s QR code to the scanner</translation>
    </message>
    <message>
        <source>Welcome! Scan your badge to check in.</source>
        <translation>Welcome! Scan your badge to check in.</translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation>Ready to scan</translation>
    </message>
    <message>
        <source>Scan a badge, or search a name below. Walk-ins: Register a walk-in.</source>
        <translation>Scan a badge, or search a name below. Walk-ins: Register a walk-in.</translation>
    </message>
    <message>
        <source>No workshop on this laptop yet</source>
        <translation>No workshop on this laptop yet</translation>
    </message>
    <message>
        <source>Import the office kit (the file the office gives you, e.g. on a USB stick): it brings the workshop and its invitation list. Exchange page → Import.</source>
        <translation>Import the office kit (the file the office gives you, e.g. on a USB stick): it brings the workshop and its invitation list. Exchange page → Import.</translation>
    </message>
    <message>
        <source>Import the office kit…</source>
        <translation>Import the office kit…</translation>
    </message>
    <message>
        <source>Not undone</source>
        <translation>Not undone</translation>
    </message>
    <message>
        <source>Type part of a name, organisation or phone number; Enter or a double click checks the selected person in.</source>
        <translation>Type part of a name, organisation or phone number; Enter or a double click checks the selected person in.</translation>
    </message>
    <message>
        <source>No one found. Register a walk-in?</source>
        <translation>No one found. Register a walk-in?</translation>
    </message>
    <message>
        <source>{n} found; Enter checks in the selected person, ↑ ↓ choose.</source>
        <translation>{n} found; Enter checks in the selected person, ↑ ↓ choose.</translation>
    </message>
    <message>
        <source>checked in / invited</source>
        <translation>checked in / invited</translation>
    </message>
    <message>
        <source>The camera stopped: {error}</source>
        <translation>The camera stopped: {error}</translation>
    </message>
    <message>
        <source>No webcam scanning: this copy of the program was installed without its camera part. Ask the office for the full installer, or use the USB scanner or the name search.</source>
        <translation>No webcam scanning: this copy of the program was installed without its camera part. Ask the office for the full installer, or use the USB scanner or the name search.</translation>
    </message>
    <message>
        <source>No webcam scanning: no camera was found on this computer. Use the USB scanner or the name search.</source>
        <translation>No webcam scanning: no camera was found on this computer. Use the USB scanner or the name search.</translation>
    </message>
    <message>
        <source>Read QR codes with the webcam</source>
        <translation>Read QR codes with the webcam</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>Stop camera</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Undo the check-in of {name}</source>
        <translation>Undo the check-in of {name}</translation>
    </message>
    <message>
        <source>Badge printing is not available in this version yet</source>
        <translation>Badge printing is not available in this version yet</translation>
    </message>
    <message>
        <source>Print the badge of {name}</source>
        <translation>Print the badge of {name}</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>The workshop people are checking in to</source>
        <translation>The workshop people are checking in to</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>This desk&apos;s name, recorded with each check-in (desk 1, desk 2…)</source>
        <translation>This desk&apos;s name, recorded with each check-in (desk 1, desk 2…)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Sound for each result</source>
        <translation>Sound for each result</translation>
    </message>
    <message>
        <source>Set the kiosk PIN…</source>
        <translation>Set the kiosk PIN…</translation>
    </message>
    <message>
        <source>Open on this screen when the program starts</source>
        <translation>Open on this screen when the program starts</translation>
    </message>
    <message>
        <source>Badge printer and paper…</source>
        <translation>Badge printer and paper…</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>Kiosk mode</translation>
    </message>
    <message>
        <source>Full screen with only the scan result; a PIN is needed to leave</source>
        <translation>Full screen with only the scan result; a PIN is needed to leave</translation>
    </message>
    <message>
        <source>Leave kiosk…</source>
        <translation>Leave kiosk…</translation>
    </message>
    <message>
        <source>Undo last check-in</source>
        <translation>Undo last check-in</translation>
    </message>
    <message>
        <source>Register a walk-in…</source>
        <translation>Register a walk-in…</translation>
    </message>
    <message>
        <source>Key in from paper…</source>
        <translation>Key in from paper…</translation>
    </message>
    <message>
        <source>Tick this session&apos;s attendance from the signed paper sheet</source>
        <translation>Tick this session&apos;s attendance from the signed paper sheet</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Print badge</translation>
    </message>
    <message>
        <source>Search a name (Thai or English) if there is no badge…</source>
        <translation>Search a name (Thai or English) if there is no badge…</translation>
    </message>
    <message>
        <source>By participant type</source>
        <translation>By participant type</translation>
    </message>
    <message>
        <source>By district</source>
        <translation>By district</translation>
    </message>
    <message>
        <source>Latest check-ins</source>
        <translation>Latest check-ins</translation>
    </message>
</context>
<context>
    <name>ClauseDialog</name>
    <message>
        <source>Change the clause text</source>
        <translation>Change the clause text</translation>
    </message>
    <message>
        <source>Add a clause</source>
        <translation>Add a clause</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>after the last</source>
        <translation>after the last</translation>
    </message>
    <message>
        <source>The earlier text is kept as a version</source>
        <translation>The earlier text is kept as a version</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>settle conflicts</source>
        <translation>settle conflicts</translation>
    </message>
    <message>
        <source>Settled. The choice is sent with the next bundle, so every device agrees.</source>
        <translation>Settled. The choice is sent with the next bundle, so every device agrees.</translation>
    </message>
    <message>
        <source>Keep every value shown</source>
        <translation>Keep every value shown</translation>
    </message>
    <message>
        <source>Keep the value shown for all {n} conflicts and set the other values aside?</source>
        <translation>Keep the value shown for all {n} conflicts and set the other values aside?</translation>
    </message>
    <message>
        <source>{n} conflicts settled by keeping the values shown.</source>
        <translation>{n} conflicts settled by keeping the values shown.</translation>
    </message>
    <message>
        <source>No conflicts to review.</source>
        <translation>No conflicts to review.</translation>
    </message>
    <message>
        <source>Keep the value shown</source>
        <translation>Keep the value shown</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>Use the other value</translation>
    </message>
    <message>
        <source>&lt;b&gt;{record}&lt;/b&gt; was deleted on {winner}, while {loser} changed its &lt;b&gt;{field}&lt;/b&gt; to “{other}” without knowing of the delete.</source>
        <translation>&lt;b&gt;{record}&lt;/b&gt; was deleted on {winner}, while {loser} changed its &lt;b&gt;{field}&lt;/b&gt; to “{other}” without knowing of the delete.</translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation>Keep it deleted</translation>
    </message>
    <message>
        <source>Restore it</source>
        <translation>Restore it</translation>
    </message>
    <message>
        <source>&lt;b&gt;{record}&lt;/b&gt;: two devices changed &lt;b&gt;{field}&lt;/b&gt; at about the same time. “{shown}” (from {winner}) is shown; “{other}” from {loser} was kept aside.</source>
        <translation>&lt;b&gt;{record}&lt;/b&gt;: two devices changed &lt;b&gt;{field}&lt;/b&gt; at about the same time. “{shown}” (from {winner}) is shown; “{other}” from {loser} was kept aside.</translation>
    </message>
    <message>
        <source>When two devices changed the same thing without seeing each other&apos;s change, the newer change is shown and the other is kept here. Nothing is lost: choose which value stays.</source>
        <translation>When two devices changed the same thing without seeing each other&apos;s change, the newer change is shown and the other is kept here. Nothing is lost: choose which value stays.</translation>
    </message>
    <message>
        <source>Keep every value shown…</source>
        <translation>Keep every value shown…</translation>
    </message>
</context>
<context>
    <name>DeliberationView</name>
    <message>
        <source>— choose the workshop where the vote is taken —</source>
        <translation>— choose the workshop where the vote is taken —</translation>
    </message>
    <message>
        <source>No clause selected</source>
        <translation>No clause selected</translation>
    </message>
    <message>
        <source>Clause {n}</source>
        <translation>Clause {n}</translation>
    </message>
    <message>
        <source>This resolution has been adopted; its text and votes no longer change.</source>
        <translation>This resolution has been adopted; its text and votes no longer change.</translation>
    </message>
    <message>
        <source>Choose the workshop first: amendments and votes are recorded for it.</source>
        <translation>Choose the workshop first: amendments and votes are recorded for it.</translation>
    </message>
    <message>
        <source>Enter on a clause records the vote on it; A moves an amendment. Enter on an amendment records the vote on the amendment.</source>
        <translation>Enter on a clause records the vote on it; A moves an amendment. Enter on an amendment records the vote on the amendment.</translation>
    </message>
    <message>
        <source>Workshop:</source>
        <translation>Workshop:</translation>
    </message>
    <message>
        <source>Amendments moved at this workshop</source>
        <translation>Amendments moved at this workshop</translation>
    </message>
    <message>
        <source>Vote on the clause…</source>
        <translation>Vote on the clause…</translation>
    </message>
    <message>
        <source>Move an amendment…</source>
        <translation>Move an amendment…</translation>
    </message>
    <message>
        <source>Vote on the amendment…</source>
        <translation>Vote on the amendment…</translation>
    </message>
    <message>
        <source>Withdrawn by the mover</source>
        <translation>Withdrawn by the mover</translation>
    </message>
</context>
<context>
    <name>DivisionCombos</name>
    <message>
        <source>— choose a district —</source>
        <translation>— choose a district —</translation>
    </message>
    <message>
        <source>— choose a tambon —</source>
        <translation>— choose a tambon —</translation>
    </message>
    <message>
        <source>(choose the district first)</source>
        <translation>(choose the district first)</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>{n} invitations or check-ins still belong to people merged into others (made on a laptop that had not heard of the merge).</source>
        <translation>{n} invitations or check-ins still belong to people merged into others (made on a laptop that had not heard of the merge).</translation>
    </message>
    <message>
        <source>merge people</source>
        <translation>merge people</translation>
    </message>
    <message>
        <source>Merge people</source>
        <translation>Merge people</translation>
    </message>
    <message>
        <source>Merge these {n} records into one person? Their invitations and check-ins are combined, and the merge is sent with the next bundle.</source>
        <translation>Merge these {n} records into one person? Their invitations and check-ins are combined, and the merge is sent with the next bundle.</translation>
    </message>
    <message>
        <source>Merged into one person.</source>
        <translation>Merged into one person.</translation>
    </message>
    <message>
        <source>say these are not one person</source>
        <translation>say these are not one person</translation>
    </message>
    <message>
        <source>Noted: not the same person. They will not be offered again.</source>
        <translation>Noted: not the same person. They will not be offered again.</translation>
    </message>
    <message>
        <source>move check-ins to merged people</source>
        <translation>move check-ins to merged people</translation>
    </message>
    <message>
        <source>{n} invitations or check-ins moved to the people they were merged into.</source>
        <translation>{n} invitations or check-ins moved to the people they were merged into.</translation>
    </message>
    <message>
        <source>People registered on more than one laptop may be the same person: the same citizen ID, or the same name with the same phone or tambon. Nothing is merged until you choose to.</source>
        <translation>People registered on more than one laptop may be the same person: the same citizen ID, or the same name with the same phone or tambon. Nothing is merged until you choose to.</translation>
    </message>
    <message>
        <source>Keep the details of:</source>
        <translation>Keep the details of:</translation>
    </message>
    <message>
        <source>Merge into one person…</source>
        <translation>Merge into one person…</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>Not the same person</translation>
    </message>
    <message>
        <source>Move them</source>
        <translation>Move them</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase this person</source>
        <translation>Erase this person</translation>
    </message>
    <message>
        <source>Erased: {name}</source>
        <translation>Erased: {name}</translation>
    </message>
    <message>
        <source>The person&apos;s name, organisation, position, phone number, citizen ID and note are gone from this machine; the next bundle takes the erasure to the office and the other laptops.</source>
        <translation>The person&apos;s name, organisation, position, phone number, citizen ID and note are gone from this machine; the next bundle takes the erasure to the office and the other laptops.</translation>
    </message>
    <message>
        <source>{n} older changes in this machine&apos;s change log were cleared of the person&apos;s details.</source>
        <translation>{n} older changes in this machine&apos;s change log were cleared of the person&apos;s details.</translation>
    </message>
    <message>
        <source>{n} backup copies made earlier (folder backups) still hold the old data: delete them when they are no longer needed.</source>
        <translation>{n} backup copies made earlier (folder backups) still hold the old data: delete them when they are no longer needed.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>This person has already been erased.</source>
        <translation>This person has already been erased.</translation>
    </message>
    <message>
        <source>Erase {name}?</source>
        <translation>Erase {name}?</translation>
    </message>
    <message>
        <source>Erasing removes this person&apos;s name, prefix, organisation, position, phone number, citizen ID and note — here now, and at the office and on every other laptop through the next bundles. &lt;b&gt;It cannot be undone.&lt;/b&gt;</source>
        <translation>Erasing removes this person&apos;s name, prefix, organisation, position, phone number, citizen ID and note — here now, and at the office and on every other laptop through the next bundles. &lt;b&gt;It cannot be undone.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Kept without any personal data, so counts and vote tallies stay right: {att} attendance records, {inv} invitations, {bal} ballots.</source>
        <translation>Kept without any personal data, so counts and vote tallies stay right: {att} attendance records, {inv} invitations, {bal} ballots.</translation>
    </message>
    <message>
        <source>{n} duplicate records merged into this person are erased too.</source>
        <translation>{n} duplicate records merged into this person are erased too.</translation>
    </message>
    <message>
        <source>{n} community needs or amendments mention this name in their text: review them by hand.</source>
        <translation>{n} community needs or amendments mention this name in their text: review them by hand.</translation>
    </message>
    <message>
        <source>I have checked that this is the person who asked, and that this cannot be undone</source>
        <translation>I have checked that this is the person who asked, and that this cannot be undone</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Erase</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ExchangeModels</name>
    <message>
        <source>Changes only</source>
        <translation>Changes only</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {merged} merged, {unchanged} unchanged</source>
        <translation>Imported: {added} added, {updated} updated, {merged} merged, {unchanged} unchanged</translation>
    </message>
    <message>
        <source>Already imported before: nothing to do</source>
        <translation>Already imported before: nothing to do</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Refused: {reason}</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>Edited while deleted elsewhere</source>
        <translation>Edited while deleted elsewhere</translation>
    </message>
    <message>
        <source>Edited on two devices</source>
        <translation>Edited on two devices</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value shown</source>
        <translation>Value shown</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Other value from</source>
        <translation>Other value from</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Why they may be one person</source>
        <translation>Why they may be one person</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>Tambon</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Citizen ID</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Exported / imported</source>
        <translation>Exported / imported</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>This device: {name} ({role}) · key {fingerprint}</source>
        <translation>This device: {name} ({role}) · key {fingerprint}</translation>
    </message>
    <message>
        <source>office: {office}</source>
        <translation>office: {office}</translation>
    </message>
    <message>
        <source>Device id {id}; public key {key}</source>
        <translation>Device id {id}; public key {key}</translation>
    </message>
    <message>
        <source>Everything: a kit for field laptops (workshops, people, draft resolutions, this office&apos;s key)</source>
        <translation>Everything: a kit for field laptops (workshops, people, draft resolutions, this office&apos;s key)</translation>
    </message>
    <message>
        <source>Everything this folder holds (when the office lost a bundle)</source>
        <translation>Everything this folder holds (when the office lost a bundle)</translation>
    </message>
    <message>
        <source>Field laptops encrypt people&apos;s names, phone numbers and citizen IDs to this office&apos;s key (fingerprint {fp}): only this office opens them.</source>
        <translation>Field laptops encrypt people&apos;s names, phone numbers and citizen IDs to this office&apos;s key (fingerprint {fp}): only this office opens them.</translation>
    </message>
    <message>
        <source>People&apos;s names, phone numbers and citizen IDs in the bundle are encrypted for the office: a lost USB stick does not show them.</source>
        <translation>People&apos;s names, phone numbers and citizen IDs in the bundle are encrypted for the office: a lost USB stick does not show them.</translation>
    </message>
    <message>
        <source>This laptop does not have the office&apos;s encryption key yet (import the office&apos;s kit first): people&apos;s names, phone numbers and citizen IDs cannot be encrypted, so they are not exported unless you confirm.</source>
        <translation>This laptop does not have the office&apos;s encryption key yet (import the office&apos;s kit first): people&apos;s names, phone numbers and citizen IDs cannot be encrypted, so they are not exported unless you confirm.</translation>
    </message>
    <message>
        <source>USB: {drive}</source>
        <translation>USB: {drive}</translation>
    </message>
    <message>
        <source>Documents ({folder})</source>
        <translation>Documents ({folder})</translation>
    </message>
    <message>
        <source>Export the bundle to…</source>
        <translation>Export the bundle to…</translation>
    </message>
    <message>
        <source>All workshops</source>
        <translation>All workshops</translation>
    </message>
    <message>
        <source>Nothing exported from here yet: the first export carries everything.</source>
        <translation>Nothing exported from here yet: the first export carries everything.</translation>
    </message>
    <message>
        <source>Last export: {when}, {n} changes ({kind}), {file}</source>
        <translation>Last export: {when}, {n} changes ({kind}), {file}</translation>
    </message>
    <message>
        <source>The two passphrases are not the same: type the passphrase twice, exactly alike. Nothing was exported.</source>
        <translation>The two passphrases are not the same: type the passphrase twice, exactly alike. Nothing was exported.</translation>
    </message>
    <message>
        <source>build a kit</source>
        <translation>build a kit</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Writing the bundle…</translation>
    </message>
    <message>
        <source>Personal data would not be encrypted</source>
        <translation>Personal data would not be encrypted</translation>
    </message>
    <message>
        <source>This laptop does not have the office&apos;s encryption key, so the names, phone numbers and citizen IDs in this bundle would be written UNENCRYPTED: anyone who finds the USB stick can read them.

If you can, import the office&apos;s kit first (then they are encrypted). Export unencrypted anyway, and delete the file once the office has imported it?</source>
        <translation>This laptop does not have the office&apos;s encryption key, so the names, phone numbers and citizen IDs in this bundle would be written UNENCRYPTED: anyone who finds the USB stick can read them.

If you can, import the office&apos;s kit first (then they are encrypted). Export unencrypted anyway, and delete the file once the office has imported it?</translation>
    </message>
    <message>
        <source>Export unencrypted</source>
        <translation>Export unencrypted</translation>
    </message>
    <message>
        <source>The passphrase was wrong. Type the passphrase of {files} again:</source>
        <translation>The passphrase was wrong. Type the passphrase of {files} again:</translation>
    </message>
    <message>
        <source>{files} is protected with a passphrase. Type the passphrase the office gave you:</source>
        <translation>{files} is protected with a passphrase. Type the passphrase the office gave you:</translation>
    </message>
    <message>
        <source>Protected bundle</source>
        <translation>Protected bundle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Import bundle files</source>
        <translation>Import bundle files</translation>
    </message>
    <message>
        <source>Lampang Planner bundles (*{suffix});;All files (*)</source>
        <translation>Lampang Planner bundles (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <source>Checking {n} files…</source>
        <translation>Checking {n} files…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Checking {file} ({done} of {total} files)…</source>
        <translation>Checking {file} ({done} of {total} files)…</translation>
    </message>
    <message>
        <source>Merging {done} of {total} changes in one transaction…</source>
        <translation>Merging {done} of {total} changes in one transaction…</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Writing {file}…</translation>
    </message>
    <message>
        <source>Saved {n} changes ({kind}) to {file}</source>
        <translation>Saved {n} changes ({kind}) to {file}</translation>
    </message>
    <message>
        <source>personal data encrypted for the office</source>
        <translation>personal data encrypted for the office</translation>
    </message>
    <message>
        <source>protected with the passphrase: give it to the laptop&apos;s team separately, not on the same stick</source>
        <translation>protected with the passphrase: give it to the laptop&apos;s team separately, not on the same stick</translation>
    </message>
    <message>
        <source>{ok} files imported, {refused} refused (see below).</source>
        <translation>{ok} files imported, {refused} refused (see below).</translation>
    </message>
    <message>
        <source>{ok} files imported.</source>
        <translation>{ok} files imported.</translation>
    </message>
    <message>
        <source>Nothing new: these files had been imported before.</source>
        <translation>Nothing new: these files had been imported before.</translation>
    </message>
    <message>
        <source>take in refused files</source>
        <translation>take in refused files</translation>
    </message>
    <message>
        <source>Left out: nothing was changed.</source>
        <translation>Left out: nothing was changed.</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>&lt;b&gt;{added}&lt;/b&gt; added · &lt;b&gt;{updated}&lt;/b&gt; updated · &lt;b&gt;{merged}&lt;/b&gt; merged · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b&gt;{new}&lt;/b&gt; new conflicts (&lt;b&gt;{open}&lt;/b&gt; to review) · &lt;b&gt;{dups}&lt;/b&gt; possible duplicate people</source>
        <translation>&lt;b&gt;{added}&lt;/b&gt; added · &lt;b&gt;{updated}&lt;/b&gt; updated · &lt;b&gt;{merged}&lt;/b&gt; merged · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b&gt;{new}&lt;/b&gt; new conflicts (&lt;b&gt;{open}&lt;/b&gt; to review) · &lt;b&gt;{dups}&lt;/b&gt; possible duplicate people</translation>
    </message>
    <message>
        <source>This folder is now a field laptop of {office}.</source>
        <translation>This folder is now a field laptop of {office}.</translation>
    </message>
    <message>
        <source>The data folder was backed up first: {file}</source>
        <translation>The data folder was backed up first: {file}</translation>
    </message>
    <message>
        <source>Review conflicts ({n})</source>
        <translation>Review conflicts ({n})</translation>
    </message>
    <message>
        <source>Review possible duplicates ({n})</source>
        <translation>Review possible duplicates ({n})</translation>
    </message>
    <message>
        <source>The export had already finished when Cancel was pressed.</source>
        <translation>The export had already finished when Cancel was pressed.</translation>
    </message>
    <message>
        <source>The import had already finished when Cancel was pressed.</source>
        <translation>The import had already finished when Cancel was pressed.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Cancelled: nothing was changed.</translation>
    </message>
    <message>
        <source>Export and import</source>
        <translation>Export and import</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Duplicate people ({n})</source>
        <translation>Duplicate people ({n})</translation>
    </message>
    <message>
        <source>Duplicate people</source>
        <translation>Duplicate people</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>This data folder is still empty. A field laptop starts by importing the kit its office prepared (Import bundle files…). If this computer is the office, say so now:</source>
        <translation>This data folder is still empty. A field laptop starts by importing the kit its office prepared (Import bundle files…). If this computer is the office, say so now:</translation>
    </message>
    <message>
        <source>This computer is the office</source>
        <translation>This computer is the office</translation>
    </message>
    <message>
        <source>Export this folder&apos;s work</source>
        <translation>Export this folder&apos;s work</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Look for USB sticks</source>
        <translation>Look for USB sticks</translation>
    </message>
    <message>
        <source>Only what changed since the last export (usual)</source>
        <translation>Only what changed since the last export (usual)</translation>
    </message>
    <message>
        <source>Workshops in the kit:</source>
        <translation>Workshops in the kit:</translation>
    </message>
    <message>
        <source>Passphrase (optional):</source>
        <translation>Passphrase (optional):</translation>
    </message>
    <message>
        <source>passphrase, at least 8 characters</source>
        <translation>passphrase, at least 8 characters</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>the same again</translation>
    </message>
    <message>
        <source>With a passphrase the kit (and the roster in it) opens only for whoever types it on the laptop. Tell it to the laptop&apos;s team separately, not on the same stick.</source>
        <translation>With a passphrase the kit (and the roster in it) opens only for whoever types it on the laptop. Tell it to the laptop&apos;s team separately, not on the same stick.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>Choose one or more bundle files, from the laptops or from the office, in any order. Each file is checked before anything is written; the data folder is backed up, then all of them are merged in one step.</source>
        <translation>Choose one or more bundle files, from the laptops or from the office, in any order. Each file is checked before anything is written; the data folder is backed up, then all of them are merged in one step.</translation>
    </message>
    <message>
        <source>Import bundle files…</source>
        <translation>Import bundle files…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>Undo this import…</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>Undo this import</translation>
    </message>
    <message>
        <source>{reason}

Undo the import of {files} anyway? The changes written after it (check-ins at the door, corrections) are kept.</source>
        <translation>{reason}

Undo the import of {files} anyway? The changes written after it (check-ins at the door, corrections) are kept.</translation>
    </message>
    <message>
        <source>Take the import of {files} out again? What it added or changed goes back to how it was before the import; the bundle files are not touched and can be imported again later.</source>
        <translation>Take the import of {files} out again? What it added or changed goes back to how it was before the import; the bundle files are not touched and can be imported again later.</translation>
    </message>
    <message>
        <source>Undo, keep the later changes</source>
        <translation>Undo, keep the later changes</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>Undo the import</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>Undoing the import…</translation>
    </message>
    <message>
        <source>The import of {files} was undone: {n} changes taken out. The files can be imported again.</source>
        <translation>The import of {files} was undone: {n} changes taken out. The files can be imported again.</translation>
    </message>
    <message>
        <source>This import was undone; its backup is kept as {file}.</source>
        <translation>This import was undone; its backup is kept as {file}.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>— choose a district —</source>
        <translation>— choose a district —</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Welcome to Lampang Planner</source>
        <translation>Welcome to Lampang Planner</translation>
    </message>
    <message>
        <source>This data folder is new. Tell the program which laptop this is: the name appears on every bundle it sends to the office, and check-ins record the desk.</source>
        <translation>This data folder is new. Tell the program which laptop this is: the name appears on every bundle it sends to the office, and check-ins record the desk.</translation>
    </message>
    <message>
        <source>Name of this laptop</source>
        <translation>Name of this laptop</translation>
    </message>
    <message>
        <source>Used as</source>
        <translation>Used as</translation>
    </message>
    <message>
        <source>Check-in desk name</source>
        <translation>Check-in desk name</translation>
    </message>
    <message>
        <source>e.g. Ko Kha district team, laptop 1</source>
        <translation>e.g. Ko Kha district team, laptop 1</translation>
    </message>
    <message>
        <source>You can look around first with the demo data (the 25 August 2559 workshop and the 13 district visits); it is kept in its own folder and never mixes with real data.</source>
        <translation>You can look around first with the demo data (the 25 August 2559 workshop and the 13 district visits); it is kept in its own folder and never mixes with real data.</translation>
    </message>
    <message>
        <source>Open the demo data</source>
        <translation>Open the demo data</translation>
    </message>
    <message>
        <source>Open on the check-in screen every time (a laptop at the door)</source>
        <translation>Open on the check-in screen every time (a laptop at the door)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Please correct the highlighted fields.</source>
        <translation>Please correct the highlighted fields.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import the edited plan workbook</source>
        <translation>Import the edited plan workbook</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>In the program</source>
        <translation>In the program</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>In the file</translation>
    </message>
    <message>
        <source>Changes to import ({n})</source>
        <translation>Changes to import ({n})</translation>
    </message>
    <message>
        <source>Conflicts: changed in the program since the export, not imported ({n})</source>
        <translation>Conflicts: changed in the program since the export, not imported ({n})</translation>
    </message>
    <message>
        <source>Refused rows ({n})</source>
        <translation>Refused rows ({n})</translation>
    </message>
    <message>
        <source>{n} rows unchanged.</source>
        <translation>{n} rows unchanged.</translation>
    </message>
    <message>
        <source>Import {n} changed projects</source>
        <translation>Import {n} changed projects</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lampang Planner {version} — workshops, needs and resolutions</source>
        <translation>Lampang Planner {version} — workshops, needs and resolutions</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>Not available yet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Lampang Planner</source>
        <translation>&amp;About Lampang Planner</translation>
    </message>
    <message>
        <source>Data: {folder}</source>
        <translation>Data: {folder}</translation>
    </message>
    <message>
        <source>This device: {name} ({role})</source>
        <translation>This device: {name} ({role})</translation>
    </message>
    <message>
        <source>desk {desk}</source>
        <translation>desk {desk}</translation>
    </message>
    <message>
        <source>Schema {rev}</source>
        <translation>Schema {rev}</translation>
    </message>
</context>
<context>
    <name>NeedDetail</name>
    <message>
        <source>No need selected</source>
        <translation>No need selected</translation>
    </message>
    <message>
        <source>tambon {name}</source>
        <translation>tambon {name}</translation>
    </message>
    <message>
        <source>district {name}</source>
        <translation>district {name}</translation>
    </message>
    <message>
        <source>fiscal year {year}</source>
        <translation>fiscal year {year}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{status} since {date}</source>
        <translation>{status} since {date}</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>rank {rank}, {dots} dot votes</source>
        <translation>rank {rank}, {dots} dot votes</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Goes to</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>The flipchart photo {name} is not in this data folder.</source>
        <translation>The flipchart photo {name} is not in this data folder.</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Status history</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Flipchart photo…</source>
        <translation>Flipchart photo…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Delete need</source>
        <translation>Delete need</translation>
    </message>
</context>
<context>
    <name>NeedEntryDialog</name>
    <message>
        <source>Photo of the flipchart</source>
        <translation>Photo of the flipchart</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.heic *.gif)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.heic *.gif)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Looks like a need already raised in this tambon:</source>
        <translation>Looks like a need already raised in this tambon:</translation>
    </message>
    <message>
        <source>village {no}</source>
        <translation>village {no}</translation>
    </message>
    <message>
        <source>Enter saves. Shift+Enter starts a new line in the description.</source>
        <translation>Enter saves. Shift+Enter starts a new line in the description.</translation>
    </message>
    <message>
        <source>Enter saves this need and clears the form for the next one; the place, group and session stay. Shift+Enter starts a new line in the description. Esc closes.</source>
        <translation>Enter saves this need and clears the form for the next one; the place, group and session stay. Shift+Enter starts a new line in the description. Esc closes.</translation>
    </message>
    <message>
        <source>Saved {n} needs in this sitting. Last: “{title}”</source>
        <translation>Saved {n} needs in this sitting. Last: “{title}”</translation>
    </message>
    <message>
        <source>Edit need</source>
        <translation>Edit need</translation>
    </message>
    <message>
        <source>Record needs</source>
        <translation>Record needs</translation>
    </message>
    <message>
        <source>Where and who (kept for the next need)</source>
        <translation>Where and who (kept for the next need)</translation>
    </message>
    <message>
        <source>Where and who</source>
        <translation>Where and who</translation>
    </message>
    <message>
        <source>The need</source>
        <translation>The need</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>Tambon</translation>
    </message>
    <message>
        <source>Village no.</source>
        <translation>Village no.</translation>
    </message>
    <message>
        <source>Village name</source>
        <translation>Village name</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Flipchart photo</source>
        <translation>Flipchart photo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Dot votes</source>
        <translation>Dot votes</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Goes to</translation>
    </message>
    <message>
        <source>Plan strategy</source>
        <translation>Plan strategy</translation>
    </message>
    <message>
        <source>Fiscal year (BE)</source>
        <translation>Fiscal year (BE)</translation>
    </message>
    <message>
        <source>Priority rank</source>
        <translation>Priority rank</translation>
    </message>
    <message>
        <source>(no workshop)</source>
        <translation>(no workshop)</translation>
    </message>
    <message>
        <source>— choose a category —</source>
        <translation>— choose a category —</translation>
    </message>
    <message>
        <source>(not decided yet)</source>
        <translation>(not decided yet)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>next in the workshop</source>
        <translation>next in the workshop</translation>
    </message>
    <message>
        <source>e.g. 3</source>
        <translation>e.g. 3</translation>
    </message>
    <message>
        <source>e.g. Group 2, women&apos;s group</source>
        <translation>e.g. Group 2, women&apos;s group</translation>
    </message>
    <message>
        <source>What the group asks for, in a few words</source>
        <translation>What the group asks for, in a few words</translation>
    </message>
    <message>
        <source>Who spoke for it (optional)</source>
        <translation>Who spoke for it (optional)</translation>
    </message>
    <message>
        <source>Development-plan strategy</source>
        <translation>Development-plan strategy</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation>Save and next</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>NeedPickerDialog</name>
    <message>
        <source>Make a need into a project</source>
        <translation>Make a need into a project</translation>
    </message>
    <message>
        <source>Type to narrow: need, tambon, village…</source>
        <translation>Type to narrow: need, tambon, village…</translation>
    </message>
    <message>
        <source>Make project</source>
        <translation>Make project</translation>
    </message>
</context>
<context>
    <name>NeedStatusDialog</name>
    <message>
        <source>Back to “{status}” (correct a mistake)</source>
        <translation>Back to “{status}” (correct a mistake)</translation>
    </message>
    <message>
        <source>Change the status of a need</source>
        <translation>Change the status of a need</translation>
    </message>
    <message>
        <source>“{title}” is now: {status}, since {date}.</source>
        <translation>“{title}” is now: {status}, since {date}.</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>For example the plan, the budget line or the meeting that decided it (required when correcting a mistake)</source>
        <translation>For example the plan, the budget line or the meeting that decided it (required when correcting a mistake)</translation>
    </message>
</context>
<context>
    <name>NeedsModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>Tambon</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Dots</source>
        <translation>Dots</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <source>All workshops</source>
        <translation>All workshops</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>All tambons</source>
        <translation>All tambons</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Photo of the flipchart</source>
        <translation>Photo of the flipchart</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.heic *.gif)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.heic *.gif)</translation>
    </message>
    <message>
        <source>Delete need</source>
        <translation>Delete need</translation>
    </message>
    <message>
        <source>Delete “{title}”? Its status history is kept for the audit.</source>
        <translation>Delete “{title}”? Its status history is kept for the audit.</translation>
    </message>
    <message>
        <source>Community needs</source>
        <translation>Community needs</translation>
    </message>
    <message>
        <source>Choose a workshop to rank its needs</source>
        <translation>Choose a workshop to rank its needs</translation>
    </message>
    <message>
        <source>{total} needs</source>
        <translation>{total} needs</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} needs</source>
        <translation>Showing {shown} of {total} needs</translation>
    </message>
    <message>
        <source>Record needs…</source>
        <translation>Record needs…</translation>
    </message>
    <message>
        <source>Type needs one after another as the groups present them (Ctrl+N)</source>
        <translation>Type needs one after another as the groups present them (Ctrl+N)</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>Categories…</translation>
    </message>
    <message>
        <source>Search title, description, group, village…</source>
        <translation>Search title, description, group, village…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Rank by dot votes</source>
        <translation>Rank by dot votes</translation>
    </message>
    <message>
        <source>List</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Totals per district</source>
        <translation>Totals per district</translation>
    </message>
    <message>
        <source>Show the needs of every workshop, or of one</source>
        <translation>Show the needs of every workshop, or of one</translation>
    </message>
</context>
<context>
    <name>NeedsSummaryModel</name>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Dot votes</source>
        <translation>Dot votes</translation>
    </message>
    <message>
        <source>District / tambon</source>
        <translation>District / tambon</translation>
    </message>
    <message>
        <source>District / category</source>
        <translation>District / category</translation>
    </message>
    <message>
        <source>District / status</source>
        <translation>District / status</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
</context>
<context>
    <name>NeedsSummaryView</name>
    <message>
        <source>Totals per district, and within each district by:</source>
        <translation>Totals per district, and within each district by:</translation>
    </message>
    <message>
        <source>(district totals only)</source>
        <translation>(district totals only)</translation>
    </message>
    <message>
        <source>tambon</source>
        <translation>tambon</translation>
    </message>
    <message>
        <source>category</source>
        <translation>category</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>Every district is listed, with a dash where no need was recorded. The last row is the whole province (or the chosen workshop).</source>
        <translation>Every district is listed, with a dash where no need was recorded. The last row is the whole province (or the chosen workshop).</translation>
    </message>
</context>
<context>
    <name>OfficeDecisionBox</name>
    <message>
        <source>Files refused</source>
        <translation>Files refused</translation>
    </message>
    <message>
        <source>Accept a device only if it is one of the office&apos;s laptops: compare the key fingerprint shown here with the one on that laptop (Exchange page).</source>
        <translation>Accept a device only if it is one of the office&apos;s laptops: compare the key fingerprint shown here with the one on that laptop (Exchange page).</translation>
    </message>
    <message>
        <source>Taken in as of now, that laptop&apos;s writes count as made at this moment: nothing of it is lost, and later edits win over them. Correct that laptop&apos;s clock too.</source>
        <translation>Taken in as of now, that laptop&apos;s writes count as made at this moment: nothing of it is lost, and later edits win over them. Correct that laptop&apos;s clock too.</translation>
    </message>
    <message>
        <source>This is an office decision: the office PIN is needed.</source>
        <translation>This is an office decision: the office PIN is needed.</translation>
    </message>
    <message>
        <source>Take them in (office PIN)…</source>
        <translation>Take them in (office PIN)…</translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation>Leave them out</translation>
    </message>
</context>
<context>
    <name>OfficePinDialog</name>
    <message>
        <source>Office PIN</source>
        <translation>Office PIN</translation>
    </message>
    <message>
        <source>This is an office-only action. Type the office PIN to go on.</source>
        <translation>This is an office-only action. Type the office PIN to go on.</translation>
    </message>
    <message>
        <source>Set the office PIN</source>
        <translation>Set the office PIN</translation>
    </message>
    <message>
        <source>No office PIN has been set on this machine yet. Office-only actions (resolving conflicts, merging people, erasing, purging, building kits) will ask for it. Choose 4–12 digits.</source>
        <translation>No office PIN has been set on this machine yet. Office-only actions (resolving conflicts, merging people, erasing, purging, building kits) will ask for it. Choose 4–12 digits.</translation>
    </message>
    <message>
        <source>Type the current PIN, then the new one twice (4–12 digits).</source>
        <translation>Type the current PIN, then the new one twice (4–12 digits).</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wrong PIN. {n} tries left.</source>
        <translation>Wrong PIN. {n} tries left.</translation>
    </message>
    <message>
        <source>The two new PINs differ.</source>
        <translation>The two new PINs differ.</translation>
    </message>
</context>
<context>
    <name>OfficeView</name>
    <message>
        <source>not adopted yet</source>
        <translation>not adopted yet</translation>
    </message>
    <message>
        <source>Each cell: for / against / abstain at that workshop; green where it carried, red where it did not. Hover a cell for the number present and the method.</source>
        <translation>Each cell: for / against / abstain at that workshop; green where it carried, red where it did not. Hover a cell for the number present and the method.</translation>
    </message>
    <message>
        <source>Adopt this amendment&apos;s text</source>
        <translation>Adopt this amendment&apos;s text</translation>
    </message>
    <message>
        <source>Adopt the clause as it stands</source>
        <translation>Adopt the clause as it stands</translation>
    </message>
    <message>
        <source>Write the adopted text…</source>
        <translation>Write the adopted text…</translation>
    </message>
    <message>
        <source>Change the working text…</source>
        <translation>Change the working text…</translation>
    </message>
    <message>
        <source>Adopt the resolution…</source>
        <translation>Adopt the resolution…</translation>
    </message>
    <message>
        <source>Versions of the selected clause (✔ the adopted text)</source>
        <translation>Versions of the selected clause (✔ the adopted text)</translation>
    </message>
    <message>
        <source>Consolidated text</source>
        <translation>Consolidated text</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Signed-in name</source>
        <translation>Signed-in name</translation>
    </message>
    <message>
        <source>Who is working on this machine? The name is recorded with the machine and desk on every change from now on, and shown in the audit log. Leave it empty to sign out.</source>
        <translation>Who is working on this machine? The name is recorded with the machine and desk on every change from now on, and shown in the audit log. Leave it empty to sign out.</translation>
    </message>
    <message>
        <source>e.g. Somsri (planning division)</source>
        <translation>e.g. Somsri (planning division)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Workshops</source>
        <translation>Workshops</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>Resolutions</translation>
    </message>
    <message>
        <source>Development plan</source>
        <translation>Development plan</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>PaperKeyInDialog</name>
    <message>
        <source>Key in from the paper sign-in sheet</source>
        <translation>Key in from the paper sign-in sheet</translation>
    </message>
    <message>
        <source>Type part of a name, Enter ticks the first match</source>
        <translation>Type part of a name, Enter ticks the first match</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Keyed in by</source>
        <translation>Keyed in by</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>{ticked} of {total} present at this session</source>
        <translation>{ticked} of {total} present at this session</translation>
    </message>
    <message>
        <source>{name} ticked</source>
        <translation>{name} ticked</translation>
    </message>
    <message>
        <source>{name} unticked</source>
        <translation>{name} unticked</translation>
    </message>
    <message>
        <source>{name} was checked in at the door; that stays</source>
        <translation>{name} was checked in at the door; that stays</translation>
    </message>
</context>
<context>
    <name>PaperModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Ticked</source>
        <translation>Ticked</translation>
    </message>
    <message>
        <source>from paper</source>
        <translation>from paper</translation>
    </message>
    <message>
        <source>at the door</source>
        <translation>at the door</translation>
    </message>
</context>
<context>
    <name>PaperworkActions</name>
    <message>
        <source>Save the payment list</source>
        <translation>Save the payment list</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the sign-in sheet</source>
        <translation>Save the sign-in sheet</translation>
    </message>
    <message>
        <source>Writing the sign-in sheet…</source>
        <translation>Writing the sign-in sheet…</translation>
    </message>
    <message>
        <source>Writing the payment list…</source>
        <translation>Writing the payment list…</translation>
    </message>
</context>
<context>
    <name>PaymentsDialog</name>
    <message>
        <source>Payment list</source>
        <translation>Payment list</translation>
    </message>
    <message>
        <source>The whole workshop (each day of attendance)</source>
        <translation>The whole workshop (each day of attendance)</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Session:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>PDF (to print and sign)</source>
        <translation>PDF (to print and sign)</translation>
    </message>
    <message>
        <source>Excel (totals as formulas)</source>
        <translation>Excel (totals as formulas)</translation>
    </message>
    <message>
        <source>Rates per day, set by the office (baht; empty or 0: not paid)</source>
        <translation>Rates per day, set by the office (baht; empty or 0: not paid)</translation>
    </message>
    <message>
        <source>Allowance</source>
        <translation>Allowance</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Travel</translation>
    </message>
    <message>
        <source>Some rates were not saved: please correct them.</source>
        <translation>Some rates were not saved: please correct them.</translation>
    </message>
    <message>
        <source>Save the list…</source>
        <translation>Save the list…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Participant type</source>
        <translation>Participant type</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>Tambon</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>At this workshop</source>
        <translation>At this workshop</translation>
    </message>
    <message>
        <source>Checked in {time}</source>
        <translation>Checked in {time}</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invited</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>All people</source>
        <translation>All people</translation>
    </message>
    <message>
        <source>Showing {shown} of the {total} people invited to or attending this workshop</source>
        <translation>Showing {shown} of the {total} people invited to or attending this workshop</translation>
    </message>
    <message>
        <source>{total} people</source>
        <translation>{total} people</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} people</source>
        <translation>Showing {shown} of {total} people</translation>
    </message>
    <message>
        <source>No person selected</source>
        <translation>No person selected</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Participant type</source>
        <translation>Participant type</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Tambon, district</source>
        <translation>Tambon, district</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Citizen ID</translation>
    </message>
    <message>
        <source>PDPA consent</source>
        <translation>PDPA consent</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>checked in {time}</source>
        <translation>checked in {time}</translation>
    </message>
    <message>
        <source>invited</source>
        <translation>invited</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>Workshops</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Search by name, organisation, phone, code, tambon or district…</source>
        <translation>Search by name, organisation, phone, code, tambon or district…</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <source>Add people from the office&apos;s Excel roster, with a preview before anything is written</source>
        <translation>Add people from the office&apos;s Excel roster, with a preview before anything is written</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>Export everything held on this person…</source>
        <translation>Export everything held on this person…</translation>
    </message>
    <message>
        <source>Erase this person…</source>
        <translation>Erase this person…</translation>
    </message>
    <message>
        <source>Show everyone, or only the people invited to or attending one workshop</source>
        <translation>Show everyone, or only the people invited to or attending one workshop</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Kept only with the person&apos;s consent (PDPA)</source>
        <translation>Kept only with the person&apos;s consent (PDPA)</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Participant type</source>
        <translation>Participant type</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>Tambon</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Citizen ID</translation>
    </message>
    <message>
        <source>PDPA consent</source>
        <translation>PDPA consent</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>e.g. Mr, Mrs, Ms, Dr or a rank</source>
        <translation>e.g. Mr, Mrs, Ms, Dr or a rank</translation>
    </message>
    <message>
        <source>e.g. 081-234-5678</source>
        <translation>e.g. 081-234-5678</translation>
    </message>
    <message>
        <source>13 digits, optional</source>
        <translation>13 digits, optional</translation>
    </message>
    <message>
        <source>Agrees that the PAO keeps and uses these details for its workshops</source>
        <translation>Agrees that the PAO keeps and uses these details for its workshops</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Invite to {title}</source>
        <translation>Invite to {title}</translation>
    </message>
</context>
<context>
    <name>PersonRights</name>
    <message>
        <source>Export everything held on this person</source>
        <translation>Export everything held on this person</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON file (*.json)</translation>
    </message>
    <message>
        <source>Everything held on this person was written to {file}: {inv} invitations, {att} attendance records, {bal} ballots, {hist} changes. Give the file only to the person it is about.</source>
        <translation>Everything held on this person was written to {file}: {inv} invitations, {att} attendance records, {bal} ballots, {hist} changes. Give the file only to the person it is about.</translation>
    </message>
    <message>
        <source>Personal data exported</source>
        <translation>Personal data exported</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Erase this person</source>
        <translation>Erase this person</translation>
    </message>
    <message>
        <source>Purge expired personal data</source>
        <translation>Purge expired personal data</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>The two PINs differ; type the same PIN twice.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>Set the kiosk PIN</source>
        <translation>Set the kiosk PIN</translation>
    </message>
    <message>
        <source>Kiosk mode shows only the scan result, full screen. Choose a PIN of {min}–{max} digits: it is needed to leave kiosk mode.</source>
        <translation>Kiosk mode shows only the scan result, full screen. Choose a PIN of {min}–{max} digits: it is needed to leave kiosk mode.</translation>
    </message>
    <message>
        <source>The PIN again</source>
        <translation>The PIN again</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <source>Type the kiosk PIN to leave kiosk mode.</source>
        <translation>Type the kiosk PIN to leave kiosk mode.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>A project was made from the need; refine it in the table.</source>
        <translation>A project was made from the need; refine it in the table.</translation>
    </message>
    <message>
        <source>Export forms ผ.01 / ผ.02</source>
        <translation>Export forms ผ.01 / ผ.02</translation>
    </message>
    <message>
        <source>Writing the plan workbook…</source>
        <translation>Writing the plan workbook…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Import the edited plan workbook</source>
        <translation>Import the edited plan workbook</translation>
    </message>
    <message>
        <source>{n} projects updated; {c} conflicts left as they are.</source>
        <translation>{n} projects updated; {c} conflicts left as they are.</translation>
    </message>
    <message>
        <source>Folder for the public follow-up pages</source>
        <translation>Folder for the public follow-up pages</translation>
    </message>
    <message>
        <source>Writing the follow-up pages…</source>
        <translation>Writing the follow-up pages…</translation>
    </message>
    <message>
        <source>Development plan</source>
        <translation>Development plan</translation>
    </message>
    <message>
        <source>Need → project (Ctrl+N)</source>
        <translation>Need → project (Ctrl+N)</translation>
    </message>
    <message>
        <source>Plan period and edition…</source>
        <translation>Plan period and edition…</translation>
    </message>
    <message>
        <source>Export ผ.01 / ผ.02 (Ctrl+E)</source>
        <translation>Export ผ.01 / ผ.02 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Import edited workbook (Ctrl+I)</source>
        <translation>Import edited workbook (Ctrl+I)</translation>
    </message>
    <message>
        <source>Public follow-up pages…</source>
        <translation>Public follow-up pages…</translation>
    </message>
</context>
<context>
    <name>PlanSettingsDialog</name>
    <message>
        <source>Development plan</source>
        <translation>Development plan</translation>
    </message>
    <message>
        <source>First year (B.E.)</source>
        <translation>First year (B.E.)</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>Edition (empty: the plan itself)</source>
        <translation>Edition (empty: the plan itself)</translation>
    </message>
</context>
<context>
    <name>PrivacyMenu</name>
    <message>
        <source>Signed in: {name}</source>
        <translation>Signed in: {name}</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Nobody signed in</translation>
    </message>
    <message>
        <source>&amp;Privacy</source>
        <translation>&amp;Privacy</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Audit log…</translation>
    </message>
    <message>
        <source>&amp;Signed-in name…</source>
        <translation>&amp;Signed-in name…</translation>
    </message>
    <message>
        <source>&amp;Purge expired personal data…</source>
        <translation>&amp;Purge expired personal data…</translation>
    </message>
    <message>
        <source>Office &amp;PIN…</source>
        <translation>Office &amp;PIN…</translation>
    </message>
</context>
<context>
    <name>ProposalsModel</name>
    <message>
        <source>Strategy</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>Work plan</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Expected result</source>
        <translation>Expected result</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>Source of funds</source>
        <translation>Source of funds</translation>
    </message>
    <message>
        <source>From the need (who raised it, workshop)</source>
        <translation>From the need (who raised it, workshop)</translation>
    </message>
    <message>
        <source>{year} (baht)</source>
        <translation>{year} (baht)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>From a community plan (ผ.02/1)</source>
        <translation>From a community plan (ผ.02/1)</translation>
    </message>
    <message>
        <source>Province strategy (ก.)</source>
        <translation>Province strategy (ก.)</translation>
    </message>
    <message>
        <source>LAO strategy in the province (ข.)</source>
        <translation>LAO strategy in the province (ข.)</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Purging…</source>
        <translation>Purging…</translation>
    </message>
    <message>
        <source>Purge expired personal data</source>
        <translation>Purge expired personal data</translation>
    </message>
    <message>
        <source>Retention judged as on</source>
        <translation>Retention judged as on</translation>
    </message>
    <message>
        <source>Purge now</source>
        <translation>Purge now</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Purged the personal data of {n} people.</source>
        <translation>Purged the personal data of {n} people.</translation>
    </message>
    <message>
        <source>Their names, organisations, positions, phone numbers, citizen IDs and notes are gone; every count stays. The next bundles take the purge to every other copy.</source>
        <translation>Their names, organisations, positions, phone numbers, citizen IDs and notes are gone; every count stays. The next bundles take the purge to every other copy.</translation>
    </message>
    <message>
        <source>{n} people are due: every workshop they were invited to or attended is past its retention period.</source>
        <translation>{n} people are due: every workshop they were invited to or attended is past its retention period.</translation>
    </message>
    <message>
        <source>{n} people keep their details (a workshop still within its period, or none set); {a} were purged or erased before.</source>
        <translation>{n} people keep their details (a workshop still within its period, or none set); {a} were purged or erased before.</translation>
    </message>
    <message>
        <source>Names, organisations, positions, phone numbers, citizen IDs and notes are removed; people stay counted in attendance, invitations, needs and votes. This cannot be undone.</source>
        <translation>Names, organisations, positions, phone numbers, citizen IDs and notes are removed; people stay counted in attendance, invitations, needs and votes. This cannot be undone.</translation>
    </message>
    <message>
        <source>expired {date} ({days} days)</source>
        <translation>expired {date} ({days} days)</translation>
    </message>
    <message>
        <source>…and {n} more</source>
        <translation>…and {n} more</translation>
    </message>
    <message>
        <source>Expired workshops:</source>
        <translation>Expired workshops:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>File &amp;name:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Choose</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>All Files (*)</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;New Folder</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>New Folder</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Show &amp;hidden files</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Parent Directory</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Create New Folder</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>List View</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Detail View</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Date Modified</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
</context>
<context>
    <name>QuorumBanner</name>
    <message>
        <source>Choose the workshop where the vote is taken to see its quorum.</source>
        <translation>Choose the workshop where the vote is taken to see its quorum.</translation>
    </message>
    <message>
        <source>Quorum met</source>
        <translation>Quorum met</translation>
    </message>
    <message>
        <source>No quorum</source>
        <translation>No quorum</translation>
    </message>
    <message>
        <source>{present} checked in now of {registered} registered; {required} needed ({rule}).</source>
        <translation>{present} checked in now of {registered} registered; {required} needed ({rule}).</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>All workshops</source>
        <translation>All workshops</translation>
    </message>
    <message>
        <source>Save the Excel workbook</source>
        <translation>Save the Excel workbook</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the workshop summary</source>
        <translation>Save the workshop summary</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Save the resolution document</source>
        <translation>Save the resolution document</translation>
    </message>
    <message>
        <source>Writing the Excel workbook…</source>
        <translation>Writing the Excel workbook…</translation>
    </message>
    <message>
        <source>Writing the workshop summary…</source>
        <translation>Writing the workshop summary…</translation>
    </message>
    <message>
        <source>Writing the resolution document…</source>
        <translation>Writing the resolution document…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Charts of the chosen workshop</source>
        <translation>Charts of the chosen workshop</translation>
    </message>
    <message>
        <source>Charts of all workshops</source>
        <translation>Charts of all workshops</translation>
    </message>
    <message>
        <source>Choose a workshop above first</source>
        <translation>Choose a workshop above first</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>&amp;Workshop:</source>
        <translation>&amp;Workshop:</translation>
    </message>
    <message>
        <source>Thai digits in PDF documents (๐๑๒)</source>
        <translation>Thai digits in PDF documents (๐๑๒)</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>Attendance per workshop, a summary per district, needs, resolutions and votes, and the needs routed to the PAO plan as project rows of form ผ.02. Dates are real dates shown in the Buddhist era.</source>
        <translation>Attendance per workshop, a summary per district, needs, resolutions and votes, and the needs routed to the PAO plan as project rows of form ผ.02. Dates are real dates shown in the Buddhist era.</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>Workshop summary (PDF)</source>
        <translation>Workshop summary (PDF)</translation>
    </message>
    <message>
        <source>Attendance by participant type and district, the needs raised, and the votes, with charts. For the workshop chosen above.</source>
        <translation>Attendance by participant type and district, the needs raised, and the votes, with charts. For the workshop chosen above.</translation>
    </message>
    <message>
        <source>Save summary PDF…</source>
        <translation>Save summary PDF…</translation>
    </message>
    <message>
        <source>Resolution document (PDF)</source>
        <translation>Resolution document (PDF)</translation>
    </message>
    <message>
        <source>The consolidated resolution, clause by clause, with every workshop&apos;s amendments and votes.</source>
        <translation>The consolidated resolution, clause by clause, with every workshop&apos;s amendments and votes.</translation>
    </message>
    <message>
        <source>Save resolution PDF…</source>
        <translation>Save resolution PDF…</translation>
    </message>
    <message>
        <source>Sign-in sheet and payment list</source>
        <translation>Sign-in sheet and payment list</translation>
    </message>
    <message>
        <source>The evidence for allowances, per session: the sign-in sheet to sign, and the payment list at the office&apos;s rates with amounts in Thai words.</source>
        <translation>The evidence for allowances, per session: the sign-in sheet to sign, and the payment list at the office&apos;s rates with amounts in Thai words.</translation>
    </message>
    <message>
        <source>Sign-in sheet…</source>
        <translation>Sign-in sheet…</translation>
    </message>
    <message>
        <source>Payment list…</source>
        <translation>Payment list…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Show folder</translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <source>Edit the draft resolution</source>
        <translation>Edit the draft resolution</translation>
    </message>
    <message>
        <source>New draft resolution</source>
        <translation>New draft resolution</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Year (BE)</source>
        <translation>Year (BE)</translation>
    </message>
    <message>
        <source>Preamble</source>
        <translation>Preamble</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>ResolutionModels</name>
    <message>
        <source>removes: {text}</source>
        <translation>removes: {text}</translation>
    </message>
    <message>
        <source>No vote recorded</source>
        <translation>No vote recorded</translation>
    </message>
    <message>
        <source>by name</source>
        <translation>by name</translation>
    </message>
    <message>
        <source>show of hands</source>
        <translation>show of hands</translation>
    </message>
    <message>
        <source>carried</source>
        <translation>carried</translation>
    </message>
    <message>
        <source>not carried</source>
        <translation>not carried</translation>
    </message>
    <message>
        <source>For {f}, against {a}, abstain {ab}; {present} present ({method}); {result}</source>
        <translation>For {f}, against {a}, abstain {ab}; {present} present ({method}); {result}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>Amendment</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>Against</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <source>Amendments here</source>
        <translation>Amendments here</translation>
    </message>
    <message>
        <source>Moved by</source>
        <translation>Moved by</translation>
    </message>
    <message>
        <source>Seconded by</source>
        <translation>Seconded by</translation>
    </message>
    <message>
        <source>Proposed text</source>
        <translation>Proposed text</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>For / against / abstain</source>
        <translation>For / against / abstain</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Moved by {mover}, seconded by {seconder}:
{text}</source>
        <translation>Moved by {mover}, seconded by {seconder}:
{text}</translation>
    </message>
    <message>
        <source>{n} workshops voted</source>
        <translation>{n} workshops voted</translation>
    </message>
    <message>
        <source>Not adopted yet</source>
        <translation>Not adopted yet</translation>
    </message>
    <message>
        <source>Clause, and the amendments to it</source>
        <translation>Clause, and the amendments to it</translation>
    </message>
    <message>
        <source>All workshops</source>
        <translation>All workshops</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Adopted</translation>
    </message>
</context>
<context>
    <name>ResolutionsPage</name>
    <message>
        <source>No draft resolution yet: make one with “New…”.</source>
        <translation>No draft resolution yet: make one with “New…”.</translation>
    </message>
    <message>
        <source>Adopted on {date}</source>
        <translation>Adopted on {date}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>{n} clauses</source>
        <translation>{n} clauses</translation>
    </message>
    <message>
        <source>{n} amendments</source>
        <translation>{n} amendments</translation>
    </message>
    <message>
        <source>{n} votes recorded</source>
        <translation>{n} votes recorded</translation>
    </message>
    <message>
        <source>year {year}</source>
        <translation>year {year}</translation>
    </message>
    <message>
        <source>Draft resolutions</source>
        <translation>Draft resolutions</translation>
    </message>
    <message>
        <source>Vote on clause {n} as it stands</source>
        <translation>Vote on clause {n} as it stands</translation>
    </message>
    <message>
        <source>Vote on the amendment to clause {n} moved by {mover}</source>
        <translation>Vote on the amendment to clause {n} moved by {mover}</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Add clause…</source>
        <translation>Add clause…</translation>
    </message>
    <message>
        <source>The draft resolution shown</source>
        <translation>The draft resolution shown</translation>
    </message>
    <message>
        <source>Deliberation at a workshop</source>
        <translation>Deliberation at a workshop</translation>
    </message>
    <message>
        <source>All workshops side by side (office)</source>
        <translation>All workshops side by side (office)</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Do not invite (only add and update people)</source>
        <translation>Do not invite (only add and update people)</translation>
    </message>
    <message>
        <source>Choose the roster workbook</source>
        <translation>Choose the roster workbook</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;All files (*)</source>
        <translation>Excel workbook (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Row {row} ({name}): {details}</source>
        <translation>Row {row} ({name}): {details}</translation>
    </message>
    <message>
        <source>{n} rows in the workbook</source>
        <translation>{n} rows in the workbook</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} rows</source>
        <translation>Showing {shown} of {total} rows</translation>
    </message>
    <message>
        <source>Reading the workbook…</source>
        <translation>Reading the workbook…</translation>
    </message>
    <message>
        <source>Checking every row against the people on file…</source>
        <translation>Checking every row against the people on file…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <source>Importing (a backup of the data is made first)…</source>
        <translation>Importing (a backup of the data is made first)…</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, header on row {row}: {columns}.</source>
        <translation>Sheet “{sheet}”, header on row {row}: {columns}.</translation>
    </message>
    <message>
        <source>Columns not used: {columns}.</source>
        <translation>Columns not used: {columns}.</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Nothing was written.</translation>
    </message>
    <message>
        <source>Importing… Please wait: the window stays open until it is done.</source>
        <translation>Importing… Please wait: the window stays open until it is done.</translation>
    </message>
    <message>
        <source>Making the preview. Nothing is written yet.</source>
        <translation>Making the preview. Nothing is written yet.</translation>
    </message>
    <message>
        <source>The preview was cancelled. Nothing was written.</source>
        <translation>The preview was cancelled. Nothing was written.</translation>
    </message>
    <message>
        <source>Choose the office&apos;s Excel roster (.xlsx). You will see what the import would do with every row before anything is written.</source>
        <translation>Choose the office&apos;s Excel roster (.xlsx). You will see what the import would do with every row before anything is written.</translation>
    </message>
    <message>
        <source>Nothing to change: everyone in this workbook is already on file as it says.</source>
        <translation>Nothing to change: everyone in this workbook is already on file as it says.</translation>
    </message>
    <message>
        <source>Nothing to change: everyone in this workbook is already on file as it says, and invited to the workshop.</source>
        <translation>Nothing to change: everyone in this workbook is already on file as it says, and invited to the workshop.</translation>
    </message>
    <message>
        <source>Preview only — nothing has been written yet. Check the rows, then press “{button}”.</source>
        <translation>Preview only — nothing has been written yet. Check the rows, then press “{button}”.</translation>
    </message>
    <message>
        <source>Rejected and duplicate rows are not imported: correct them in the workbook and import it again.</source>
        <translation>Rejected and duplicate rows are not imported: correct them in the workbook and import it again.</translation>
    </message>
    <message>
        <source>Nothing was changed: the data already held what this workbook says.</source>
        <translation>Nothing was changed: the data already held what this workbook says.</translation>
    </message>
    <message>
        <source>Imported: {added} people added, {updated} updated.</source>
        <translation>Imported: {added} people added, {updated} updated.</translation>
    </message>
    <message>
        <source>{n} newly invited to the workshop.</source>
        <translation>{n} newly invited to the workshop.</translation>
    </message>
    <message>
        <source>The data had changed since the preview, so every row was checked again: the table shows what was done.</source>
        <translation>The data had changed since the preview, so every row was checked again: the table shows what was done.</translation>
    </message>
    <message>
        <source>The data as it was before the import was backed up as {file}.</source>
        <translation>The data as it was before the import was backed up as {file}.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Invite 1 person</source>
        <translation>Invite 1 person</translation>
    </message>
    <message>
        <source>Invite {n} people</source>
        <translation>Invite {n} people</translation>
    </message>
    <message>
        <source>Import 1 person</source>
        <translation>Import 1 person</translation>
    </message>
    <message>
        <source>Import {n} people</source>
        <translation>Import {n} people</translation>
    </message>
    <message>
        <source>Import people from an Excel roster</source>
        <translation>Import people from an Excel roster</translation>
    </message>
    <message>
        <source>Workbook</source>
        <translation>Workbook</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>Choose workbook…</source>
        <translation>Choose workbook…</translation>
    </message>
    <message>
        <source>Invite to workshop</source>
        <translation>Invite to workshop</translation>
    </message>
    <message>
        <source>Everyone imported, updated or already on file is invited to this workshop</source>
        <translation>Everyone imported, updated or already on file is invited to this workshop</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Search rows…</source>
        <translation>Search rows…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>All rows ({n})</source>
        <translation>All rows ({n})</translation>
    </message>
    <message>
        <source>Invited: {n}</source>
        <translation>Invited: {n}</translation>
    </message>
    <message>
        <source>To be invited: {n}</source>
        <translation>To be invited: {n}</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
</context>
<context>
    <name>RosterImportModel</name>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>Tambon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason or change</source>
        <translation>Reason or change</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Edit session</source>
        <translation>Edit session</translation>
    </message>
    <message>
        <source>Add a session</source>
        <translation>Add a session</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Starts at</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Ends at</translation>
    </message>
    <message>
        <source>e.g. ภาคเช้า (empty: Session 1, 2, …)</source>
        <translation>e.g. ภาคเช้า (empty: Session 1, 2, …)</translation>
    </message>
    <message>
        <source>Leave empty: every day of the workshop</source>
        <translation>Leave empty: every day of the workshop</translation>
    </message>
</context>
<context>
    <name>SessionPicker</name>
    <message>
        <source>Chosen by hand (the clock would pick another session)</source>
        <translation>Chosen by hand (the clock would pick another session)</translation>
    </message>
    <message>
        <source>Follows the clock: the session now</source>
        <translation>Follows the clock: the session now</translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message>
        <source>every day of the workshop</source>
        <translation>every day of the workshop</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>Remove session</translation>
    </message>
    <message>
        <source>Remove the session “{name}”?</source>
        <translation>Remove the session “{name}”?</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Sessions of {title}</source>
        <translation>Sessions of {title}</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Add session…</source>
        <translation>Add session…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SignSheetDialog</name>
    <message>
        <source>Sign-in sheet</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Session:</translation>
    </message>
    <message>
        <source>Print the check-in times (only for a sheet kept after the session)</source>
        <translation>Print the check-in times (only for a sheet kept after the session)</translation>
    </message>
    <message>
        <source>Blank rows for walk-ins:</source>
        <translation>Blank rows for walk-ins:</translation>
    </message>
    <message>
        <source>Save the sheet…</source>
        <translation>Save the sheet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatusHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>By, and the note</source>
        <translation>By, and the note</translation>
    </message>
    <message>
        <source>(correction)</source>
        <translation>(correction)</translation>
    </message>
</context>
<context>
    <name>ThaiDateEdit</name>
    <message>
        <source>e.g. 25/8/2559 or 25 Aug 2559</source>
        <translation>e.g. 25/8/2559 or 25 Aug 2559</translation>
    </message>
    <message>
        <source>Day/month/year in the Buddhist era (2559) or the Common era (2016)</source>
        <translation>Day/month/year in the Buddhist era (2559) or the Common era (2016)</translation>
    </message>
</context>
<context>
    <name>VenueBar</name>
    <message>
        <source>Type an address as the other desk shows it, e.g. 192.168.1.20:45123</source>
        <translation>Type an address as the other desk shows it, e.g. 192.168.1.20:45123</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>{name} uses the same desk name ({desk}) as this desk: give each desk its own</source>
        <translation>{name} uses the same desk name ({desk}) as this desk: give each desk its own</translation>
    </message>
    <message>
        <source>Another desk scans this code with its badge scanner to join</source>
        <translation>Another desk scans this code with its badge scanner to join</translation>
    </message>
    <message>
        <source>Joining the venue network…</source>
        <translation>Joining the venue network…</translation>
    </message>
    <message>
        <source>Not in a venue network: this desk sees only its own scans</source>
        <translation>Not in a venue network: this desk sees only its own scans</translation>
    </message>
    <message>
        <source>This desk: {address} — connected to {n} desk(s)</source>
        <translation>This desk: {address} — connected to {n} desk(s)</translation>
    </message>
    <message>
        <source>Desk {desk} ({name})</source>
        <translation>Desk {desk} ({name})</translation>
    </message>
    <message>
        <source>{who}: away</source>
        <translation>{who}: away</translation>
    </message>
    <message>
        <source>{who}: connected, this desk is {n} change(s) behind</source>
        <translation>{who}: connected, this desk is {n} change(s) behind</translation>
    </message>
    <message>
        <source>{who}: connected, {n} change(s) behind this desk</source>
        <translation>{who}: connected, {n} change(s) behind this desk</translation>
    </message>
    <message>
        <source>{who}: connected, up to date</source>
        <translation>{who}: connected, up to date</translation>
    </message>
    <message>
        <source>Venue network</source>
        <translation>Venue network</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>Another desk&apos;s address (e.g. 192.168.1.20:45123)</source>
        <translation>Another desk&apos;s address (e.g. 192.168.1.20:45123)</translation>
    </message>
    <message>
        <source>Desks at this venue share their check-ins live over the local network</source>
        <translation>Desks at this venue share their check-ins live over the local network</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <source>Total {total} of the {present} people checked in</source>
        <translation>Total {total} of the {present} people checked in</translation>
    </message>
    <message>
        <source>not yet voted {n}</source>
        <translation>not yet voted {n}</translation>
    </message>
    <message>
        <source>Record without quorum</source>
        <translation>Record without quorum</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Record the vote</source>
        <translation>Record the vote</translation>
    </message>
    <message>
        <source>Voting:</source>
        <translation>Voting:</translation>
    </message>
    <message>
        <source>Show of hands</source>
        <translation>Show of hands</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>By name</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>Against</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <source>Find a person by name or organisation…</source>
        <translation>Find a person by name or organisation…</translation>
    </message>
    <message>
        <source>1 For</source>
        <translation>1 For</translation>
    </message>
    <message>
        <source>2 Against</source>
        <translation>2 Against</translation>
    </message>
    <message>
        <source>3 Abstain</source>
        <translation>3 Abstain</translation>
    </message>
    <message>
        <source>0 Take back</source>
        <translation>0 Take back</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>WalkinDialog</name>
    <message>
        <source>already checked in {time}</source>
        <translation>already checked in {time}</translation>
    </message>
    <message>
        <source>invited</source>
        <translation>invited</translation>
    </message>
    <message>
        <source>Register a walk-in</source>
        <translation>Register a walk-in</translation>
    </message>
    <message>
        <source>Adds the person, invites them to {title} and checks them in at desk {desk}.</source>
        <translation>Adds the person, invites them to {title} and checks them in at desk {desk}.</translation>
    </message>
    <message>
        <source>this workshop</source>
        <translation>this workshop</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Participant type</source>
        <translation>Participant type</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>Tambon</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>PDPA consent</source>
        <translation>PDPA consent</translation>
    </message>
    <message>
        <source>e.g. Mr, Mrs, Ms, Dr or a rank</source>
        <translation>e.g. Mr, Mrs, Ms, Dr or a rank</translation>
    </message>
    <message>
        <source>e.g. 081-234-5678</source>
        <translation>e.g. 081-234-5678</translation>
    </message>
    <message>
        <source>Agrees</source>
        <translation>Agrees</translation>
    </message>
    <message>
        <source>Does not agree (the phone number is not kept)</source>
        <translation>Does not agree (the phone number is not kept)</translation>
    </message>
    <message>
        <source>Already on file with this name? Check them in instead of adding them again:</source>
        <translation>Already on file with this name? Check them in instead of adding them again:</translation>
    </message>
    <message>
        <source>Check in the selected person instead</source>
        <translation>Check in the selected person instead</translation>
    </message>
    <message>
        <source>Register and check in</source>
        <translation>Register and check in</translation>
    </message>
</context>
<context>
    <name>WorkshopDialog</name>
    <message>
        <source>Edit workshop</source>
        <translation>Edit workshop</translation>
    </message>
    <message>
        <source>Add a workshop</source>
        <translation>Add a workshop</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>Tambon</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Sessions and topics</source>
        <translation>Sessions and topics</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Facilitators</translation>
    </message>
    <message>
        <source>Keep personal data for</source>
        <translation>Keep personal data for</translation>
    </message>
    <message>
        <source>One session or topic per line</source>
        <translation>One session or topic per line</translation>
    </message>
    <message>
        <source>One name per line</source>
        <translation>One name per line</translation>
    </message>
    <message>
        <source>Leave empty for a one-day workshop</source>
        <translation>Leave empty for a one-day workshop</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>no limit set</source>
        <translation>no limit set</translation>
    </message>
</context>
<context>
    <name>WorkshopsModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Attended</translation>
    </message>
</context>
<context>
    <name>WorkshopsPage</name>
    <message>
        <source>{total} workshops</source>
        <translation>{total} workshops</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} workshops</source>
        <translation>Showing {shown} of {total} workshops</translation>
    </message>
    <message>
        <source>No workshop selected</source>
        <translation>No workshop selected</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>Tambon</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Sessions and topics</source>
        <translation>Sessions and topics</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Facilitators</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Keep personal data for</source>
        <translation>Keep personal data for</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>• {session}: {n} came</source>
        <translation>• {session}: {n} came</translation>
    </message>
    <message>
        <source>  the day: {any} at one session at least, {every} at every one</source>
        <translation>  the day: {any} at one session at least, {every} at every one</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>Workshops</translation>
    </message>
    <message>
        <source>Search by title, district, venue or date…</source>
        <translation>Search by title, district, venue or date…</translation>
    </message>
    <message>
        <source>Add workshop…</source>
        <translation>Add workshop…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Sessions…</source>
        <translation>Sessions…</translation>
    </message>
    <message>
        <source>Show the people of this workshop</source>
        <translation>Show the people of this workshop</translation>
    </message>
</context>
</TS>
