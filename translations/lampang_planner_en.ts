<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CheckinPage</name>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>check people in by scanning their QR badge with a USB scanner or a webcam, or by searching their name</source>
        <translation>check people in by scanning their QR badge with a USB scanner or a webcam, or by searching their name</translation>
    </message>
    <message>
        <source>register walk-ins on the spot</source>
        <translation>register walk-ins on the spot</translation>
    </message>
    <message>
        <source>show live counts by participant type and tambon</source>
        <translation>show live counts by participant type and tambon</translation>
    </message>
    <message>
        <source>let several desks at one venue check in together; a person scanned at two desks counts once after the merge</source>
        <translation>let several desks at one venue check in together; a person scanned at two desks counts once after the merge</translation>
    </message>
    <message>
        <source>The invited and checked-in people of each workshop can already be seen on the People page (choose the workshop there).</source>
        <translation>The invited and checked-in people of each workshop can already be seen on the People page (choose the workshop there).</translation>
    </message>
</context>
<context>
    <name>ComingSoonPage</name>
    <message>
        <source>Not available yet in this version</source>
        <translation>Not available yet in this version</translation>
    </message>
    <message>
        <source>When it is ready, this screen will:</source>
        <translation>When it is ready, this screen will:</translation>
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
    <name>ExchangePage</name>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>export this laptop&apos;s work as one signed bundle file, for example onto a USB stick</source>
        <translation>export this laptop&apos;s work as one signed bundle file, for example onto a USB stick</translation>
    </message>
    <message>
        <source>import and merge the bundles of all districts at the office, in any order and any number of times</source>
        <translation>import and merge the bundles of all districts at the office, in any order and any number of times</translation>
    </message>
    <message>
        <source>list the real conflicts for review</source>
        <translation>list the real conflicts for review</translation>
    </message>
    <message>
        <source>prepare a kit of workshops, invited people and draft resolutions for a district team</source>
        <translation>prepare a kit of workshops, invited people and draft resolutions for a district team</translation>
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
    <name>MainWindow</name>
    <message>
        <source>About Lampang Planner</source>
        <translation>About Lampang Planner</translation>
    </message>
    <message>
        <source>Workshops, community needs and assembly resolutions for the Lampang Provincial Administrative Organization and the Lampang citizens&apos; network council.</source>
        <translation>Workshops, community needs and assembly resolutions for the Lampang Provincial Administrative Organization and the Lampang citizens&apos; network council.</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Data folder: {folder}</translation>
    </message>
    <message>
        <source>Database schema: {rev}</source>
        <translation>Database schema: {rev}</translation>
    </message>
    <message>
        <source>Thai font: Sarabun (SIL Open Font License). Reference data: DOPA codes, MIT-licensed datasets.</source>
        <translation>Thai font: Sarabun (SIL Open Font License). Reference data: DOPA codes, MIT-licensed datasets.</translation>
    </message>
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
    <name>NeedsPage</name>
    <message>
        <source>Community needs</source>
        <translation>Community needs</translation>
    </message>
    <message>
        <source>record the needs each group raises at a workshop: the place down to tambon and village, the category, who raised them</source>
        <translation>record the needs each group raises at a workshop: the place down to tambon and village, the category, who raised them</translation>
    </message>
    <message>
        <source>rank them by priority or dot votes</source>
        <translation>rank them by priority or dot votes</translation>
    </message>
    <message>
        <source>follow each need into a community, tambon or PAO development plan</source>
        <translation>follow each need into a community, tambon or PAO development plan</translation>
    </message>
    <message>
        <source>This data folder already holds {n} needs.</source>
        <translation>This data folder already holds {n} needs.</translation>
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
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
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
        <source>Show everyone, or only the people invited to or attending one workshop</source>
        <translation>Show everyone, or only the people invited to or attending one workshop</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
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
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Excel workbooks: attendance per workshop and district, needs, resolutions and votes, summaries per district</source>
        <translation>Excel workbooks: attendance per workshop and district, needs, resolutions and votes, summaries per district</translation>
    </message>
    <message>
        <source>PDF documents: QR badges, sign-in sheets, the workshop summary and the consolidated resolution document</source>
        <translation>PDF documents: QR badges, sign-in sheets, the workshop summary and the consolidated resolution document</translation>
    </message>
    <message>
        <source>Thai text set correctly, with Buddhist-era dates</source>
        <translation>Thai text set correctly, with Buddhist-era dates</translation>
    </message>
</context>
<context>
    <name>ResolutionsPage</name>
    <message>
        <source>Draft resolutions</source>
        <translation>Draft resolutions</translation>
    </message>
    <message>
        <source>prepare the assembly&apos;s draft resolutions clause by clause</source>
        <translation>prepare the assembly&apos;s draft resolutions clause by clause</translation>
    </message>
    <message>
        <source>record the amendments proposed during deliberation</source>
        <translation>record the amendments proposed during deliberation</translation>
    </message>
    <message>
        <source>record the votes for, against and abstaining, with the quorum taken from the people checked in</source>
        <translation>record the votes for, against and abstaining, with the quorum taken from the people checked in</translation>
    </message>
    <message>
        <source>This data folder already holds {r} draft resolutions with {c} clauses.</source>
        <translation>This data folder already holds {r} draft resolutions with {c} clauses.</translation>
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
        <source>Show the people of this workshop</source>
        <translation>Show the people of this workshop</translation>
    </message>
</context>
</TS>
