<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
<context>
    <name>CheckinPage</name>
    <message>
        <source>Check-in</source>
        <translation>ลงทะเบียนเข้าร่วมประชุม</translation>
    </message>
    <message>
        <source>check people in by scanning their QR badge with a USB scanner or a webcam, or by searching their name</source>
        <translation>ลงทะเบียนผู้เข้าร่วมประชุมด้วยการสแกนคิวอาร์โค้ดบนบัตรด้วยเครื่องสแกน USB หรือกล้องเว็บแคม หรือค้นหาจากชื่อ</translation>
    </message>
    <message>
        <source>register walk-ins on the spot</source>
        <translation>ลงทะเบียนผู้เข้าร่วมที่ไม่มีรายชื่อล่วงหน้า ณ จุดลงทะเบียน</translation>
    </message>
    <message>
        <source>show live counts by participant type and tambon</source>
        <translation>แสดงยอดผู้เข้าร่วมแยกตามประเภทและตำบลแบบทันที</translation>
    </message>
    <message>
        <source>let several desks at one venue check in together; a person scanned at two desks counts once after the merge</source>
        <translation>เปิดจุดลงทะเบียนหลายจุดในสถานที่เดียวกันได้ ผู้ที่ถูกสแกนซ้ำสองจุดจะนับเป็นหนึ่งคนเมื่อรวมข้อมูล</translation>
    </message>
    <message>
        <source>The invited and checked-in people of each workshop can already be seen on the People page (choose the workshop there).</source>
        <translation>ขณะนี้ดูรายชื่อผู้ได้รับเชิญและผู้ลงทะเบียนแล้วของแต่ละการประชุมได้ที่หน้า “ผู้เข้าร่วม” (เลือกการประชุมที่ต้องการ)</translation>
    </message>
</context>
<context>
    <name>ComingSoonPage</name>
    <message>
        <source>Not available yet in this version</source>
        <translation>ยังไม่เปิดให้ใช้งานในรุ่นนี้</translation>
    </message>
    <message>
        <source>When it is ready, this screen will:</source>
        <translation>เมื่อพร้อมใช้งาน หน้าจอนี้จะช่วยให้</translation>
    </message>
</context>
<context>
    <name>DivisionCombos</name>
    <message>
        <source>— choose a district —</source>
        <translation>— เลือกอำเภอ —</translation>
    </message>
    <message>
        <source>— choose a tambon —</source>
        <translation>— เลือกตำบล —</translation>
    </message>
    <message>
        <source>(choose the district first)</source>
        <translation>(เลือกอำเภอก่อน)</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>Exchange</source>
        <translation>รับ–ส่งข้อมูล</translation>
    </message>
    <message>
        <source>export this laptop&apos;s work as one signed bundle file, for example onto a USB stick</source>
        <translation>ส่งออกข้อมูลจากเครื่องนี้เป็นไฟล์ชุดข้อมูลที่ลงลายมือชื่อดิจิทัลไฟล์เดียว เช่น บันทึกลงแฟลชไดรฟ์</translation>
    </message>
    <message>
        <source>import and merge the bundles of all districts at the office, in any order and any number of times</source>
        <translation>นำเข้าและรวมชุดข้อมูลจากทุกอำเภอที่สำนักงาน ตามลำดับใดก็ได้ และนำเข้าซ้ำกี่ครั้งก็ได้</translation>
    </message>
    <message>
        <source>list the real conflicts for review</source>
        <translation>แสดงรายการข้อมูลที่ขัดแย้งกันจริงเพื่อให้ตรวจสอบ</translation>
    </message>
    <message>
        <source>prepare a kit of workshops, invited people and draft resolutions for a district team</source>
        <translation>จัดเตรียมชุดข้อมูลการประชุม รายชื่อผู้ได้รับเชิญ และร่างมติ สำหรับทีมอำเภอ</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Please correct the highlighted fields.</source>
        <translation>กรุณาแก้ไขช่องที่มีกรอบสีแดง</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About Lampang Planner</source>
        <translation>เกี่ยวกับ Lampang Planner</translation>
    </message>
    <message>
        <source>Workshops, community needs and assembly resolutions for the Lampang Provincial Administrative Organization and the Lampang citizens&apos; network council.</source>
        <translation>ระบบบริหารการประชุม ความต้องการของชุมชน และมติสมัชชา สำหรับองค์การบริหารส่วนจังหวัดลำปางและสภาเครือข่ายพลเมืองจังหวัดลำปาง</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>โฟลเดอร์ข้อมูล: {folder}</translation>
    </message>
    <message>
        <source>Database schema: {rev}</source>
        <translation>โครงสร้างฐานข้อมูล รุ่น {rev}</translation>
    </message>
    <message>
        <source>Thai font: Sarabun (SIL Open Font License). Reference data: DOPA codes, MIT-licensed datasets.</source>
        <translation>แบบอักษร: Sarabun (สัญญาอนุญาต SIL Open Font License) ข้อมูลเขตการปกครอง: รหัสกรมการปกครอง จากชุดข้อมูลสัญญาอนุญาต MIT</translation>
    </message>
    <message>
        <source>Lampang Planner {version} — workshops, needs and resolutions</source>
        <translation>Lampang Planner {version} — ระบบการประชุม ความต้องการชุมชน และมติสมัชชา</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>ยังไม่เปิดให้ใช้งาน</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>แฟ้ม</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ภาษา (Language)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ</translation>
    </message>
    <message>
        <source>&amp;About Lampang Planner</source>
        <translation>เกี่ยวกับ Lampang Planner</translation>
    </message>
    <message>
        <source>Data: {folder}</source>
        <translation>ข้อมูล: {folder}</translation>
    </message>
    <message>
        <source>This device: {name} ({role})</source>
        <translation>เครื่องนี้: {name} ({role})</translation>
    </message>
    <message>
        <source>desk {desk}</source>
        <translation>จุดลงทะเบียน {desk}</translation>
    </message>
    <message>
        <source>Schema {rev}</source>
        <translation>ฐานข้อมูลรุ่น {rev}</translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <source>Community needs</source>
        <translation>ความต้องการของชุมชน</translation>
    </message>
    <message>
        <source>record the needs each group raises at a workshop: the place down to tambon and village, the category, who raised them</source>
        <translation>บันทึกความต้องการที่แต่ละกลุ่มเสนอในเวที ระบุพื้นที่ถึงระดับตำบลและหมู่บ้าน ประเภท และผู้เสนอ</translation>
    </message>
    <message>
        <source>rank them by priority or dot votes</source>
        <translation>จัดลำดับความสำคัญ หรือให้ผู้เข้าร่วมลงคะแนนด้วยการติดจุด</translation>
    </message>
    <message>
        <source>follow each need into a community, tambon or PAO development plan</source>
        <translation>ติดตามแต่ละความต้องการจนบรรจุในแผนชุมชน แผนพัฒนาท้องถิ่นระดับตำบล หรือแผนพัฒนา อบจ.</translation>
    </message>
    <message>
        <source>This data folder already holds {n} needs.</source>
        <translation>ขณะนี้โฟลเดอร์ข้อมูลนี้มีความต้องการของชุมชนอยู่แล้ว {n} รายการ</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Workshops</source>
        <translation>การประชุม</translation>
    </message>
    <message>
        <source>People</source>
        <translation>ผู้เข้าร่วม</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>ลงทะเบียน</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>ความต้องการชุมชน</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>มติสมัชชา</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>รับ–ส่งข้อมูล</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>รายงาน</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ–สกุล</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน/องค์กร</translation>
    </message>
    <message>
        <source>Participant type</source>
        <translation>ประเภทผู้เข้าร่วม</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>At this workshop</source>
        <translation>สถานะในการประชุมนี้</translation>
    </message>
    <message>
        <source>Checked in {time}</source>
        <translation>ลงทะเบียนแล้ว {time} น.</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>ได้รับเชิญ</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>All people</source>
        <translation>ทุกคน</translation>
    </message>
    <message>
        <source>Showing {shown} of the {total} people invited to or attending this workshop</source>
        <translation>แสดง {shown} จาก {total} คนที่ได้รับเชิญหรือเข้าร่วมการประชุมนี้</translation>
    </message>
    <message>
        <source>{total} people</source>
        <translation>ทั้งหมด {total} คน</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} people</source>
        <translation>แสดง {shown} จาก {total} คน</translation>
    </message>
    <message>
        <source>No person selected</source>
        <translation>ยังไม่ได้เลือกบุคคล</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>ให้ความยินยอมแล้ว</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>ยังไม่ได้ให้ความยินยอม</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Participant type</source>
        <translation>ประเภทผู้เข้าร่วม</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Tambon, district</source>
        <translation>ตำบล อำเภอ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <source>PDPA consent</source>
        <translation>ความยินยอม (PDPA)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>checked in {time}</source>
        <translation>ลงทะเบียน {time} น.</translation>
    </message>
    <message>
        <source>invited</source>
        <translation>ได้รับเชิญ</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>การประชุม</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ยังไม่มี</translation>
    </message>
    <message>
        <source>People</source>
        <translation>ผู้เข้าร่วม</translation>
    </message>
    <message>
        <source>Search by name, organisation, phone, code, tambon or district…</source>
        <translation>ค้นหาจากชื่อ หน่วยงาน โทรศัพท์ รหัส ตำบล หรืออำเภอ…</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>เพิ่มรายชื่อ…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Show everyone, or only the people invited to or attending one workshop</source>
        <translation>แสดงทุกคน หรือเฉพาะผู้ได้รับเชิญหรือผู้เข้าร่วมของการประชุมที่เลือก</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>แก้ไขข้อมูลบุคคล</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>เพิ่มรายชื่อบุคคล</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>คำนำหน้าชื่อ</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน/องค์กร</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Participant type</source>
        <translation>ประเภทผู้เข้าร่วม</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <source>PDPA consent</source>
        <translation>ความยินยอม (PDPA)</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>วันที่ให้ความยินยอม</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>e.g. Mr, Mrs, Ms, Dr or a rank</source>
        <translation>เช่น นาย นาง นางสาว ดร. หรือยศ</translation>
    </message>
    <message>
        <source>e.g. 081-234-5678</source>
        <translation>เช่น 081-234-5678</translation>
    </message>
    <message>
        <source>13 digits, optional</source>
        <translation>13 หลัก (ไม่บังคับ)</translation>
    </message>
    <message>
        <source>Agrees that the PAO keeps and uses these details for its workshops</source>
        <translation>ยินยอมให้ อบจ.ลำปาง เก็บและใช้ข้อมูลนี้เพื่อการจัดประชุม</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>การประชุม</translation>
    </message>
    <message>
        <source>Invite to {title}</source>
        <translation>เชิญเข้าร่วม {title}</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <source>Excel workbooks: attendance per workshop and district, needs, resolutions and votes, summaries per district</source>
        <translation>แฟ้ม Excel: การลงทะเบียนรายการประชุมและรายอำเภอ ความต้องการของชุมชน มติและผลการลงคะแนน สรุปรายอำเภอ</translation>
    </message>
    <message>
        <source>PDF documents: QR badges, sign-in sheets, the workshop summary and the consolidated resolution document</source>
        <translation>เอกสาร PDF: บัตรคิวอาร์โค้ด ใบลงชื่อ สรุปผลการประชุม และเอกสารมติฉบับรวม</translation>
    </message>
    <message>
        <source>Thai text set correctly, with Buddhist-era dates</source>
        <translation>จัดพิมพ์ภาษาไทยถูกต้อง ใช้วันที่แบบพุทธศักราช</translation>
    </message>
</context>
<context>
    <name>ResolutionsPage</name>
    <message>
        <source>Draft resolutions</source>
        <translation>ร่างมติสมัชชา</translation>
    </message>
    <message>
        <source>prepare the assembly&apos;s draft resolutions clause by clause</source>
        <translation>จัดทำร่างมติสมัชชาทีละข้อ</translation>
    </message>
    <message>
        <source>record the amendments proposed during deliberation</source>
        <translation>บันทึกข้อเสนอแก้ไขระหว่างการพิจารณา</translation>
    </message>
    <message>
        <source>record the votes for, against and abstaining, with the quorum taken from the people checked in</source>
        <translation>บันทึกผลการลงคะแนน เห็นด้วย ไม่เห็นด้วย และงดออกเสียง พร้อมองค์ประชุมจากจำนวนผู้ลงทะเบียน</translation>
    </message>
    <message>
        <source>This data folder already holds {r} draft resolutions with {c} clauses.</source>
        <translation>ขณะนี้โฟลเดอร์ข้อมูลนี้มีร่างมติอยู่แล้ว {r} เรื่อง รวม {c} ข้อ</translation>
    </message>
</context>
<context>
    <name>ThaiDateEdit</name>
    <message>
        <source>e.g. 25/8/2559 or 25 Aug 2559</source>
        <translation>เช่น 25/8/2559 หรือ 25 ส.ค. 2559</translation>
    </message>
    <message>
        <source>Day/month/year in the Buddhist era (2559) or the Common era (2016)</source>
        <translation>วัน/เดือน/ปี เป็นพุทธศักราช (2559) หรือคริสต์ศักราช (2016)</translation>
    </message>
</context>
<context>
    <name>WorkshopDialog</name>
    <message>
        <source>Edit workshop</source>
        <translation>แก้ไขข้อมูลการประชุม</translation>
    </message>
    <message>
        <source>Add a workshop</source>
        <translation>เพิ่มการประชุม</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>ชื่อการประชุม</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>วันเริ่ม</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>วันสิ้นสุด</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <source>Sessions and topics</source>
        <translation>ประเด็นและหัวข้อ</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>วิทยากรกระบวนการ</translation>
    </message>
    <message>
        <source>Keep personal data for</source>
        <translation>ระยะเวลาเก็บข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <source>One session or topic per line</source>
        <translation>บรรทัดละหนึ่งหัวข้อ</translation>
    </message>
    <message>
        <source>One name per line</source>
        <translation>บรรทัดละหนึ่งชื่อ</translation>
    </message>
    <message>
        <source>Leave empty for a one-day workshop</source>
        <translation>เว้นว่างไว้หากประชุมวันเดียว</translation>
    </message>
    <message>
        <source> days</source>
        <translation> วัน</translation>
    </message>
    <message>
        <source>no limit set</source>
        <translation>ไม่กำหนด</translation>
    </message>
</context>
<context>
    <name>WorkshopsModel</name>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>การประชุม</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>เชิญ</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>มาประชุม</translation>
    </message>
</context>
<context>
    <name>WorkshopsPage</name>
    <message>
        <source>{total} workshops</source>
        <translation>ทั้งหมด {total} การประชุม</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} workshops</source>
        <translation>แสดง {shown} จาก {total} การประชุม</translation>
    </message>
    <message>
        <source>No workshop selected</source>
        <translation>ยังไม่ได้เลือกการประชุม</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <source>Sessions and topics</source>
        <translation>ประเด็นและหัวข้อ</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>วิทยากรกระบวนการ</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>ผู้ได้รับเชิญ</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>ผู้เข้าร่วมประชุม</translation>
    </message>
    <message>
        <source>Keep personal data for</source>
        <translation>ระยะเวลาเก็บข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} วัน</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>การประชุม</translation>
    </message>
    <message>
        <source>Search by title, district, venue or date…</source>
        <translation>ค้นหาจากชื่อการประชุม อำเภอ สถานที่ หรือวันที่…</translation>
    </message>
    <message>
        <source>Add workshop…</source>
        <translation>เพิ่มการประชุม…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Show the people of this workshop</source>
        <translation>ดูรายชื่อผู้เข้าร่วมการประชุมนี้</translation>
    </message>
</context>
</TS>
