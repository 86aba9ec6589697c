<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Lampang Planner</source>
        <translation>เกี่ยวกับโปรแกรมวางแผนพัฒนา อบจ.ลำปาง</translation>
    </message>
    <message>
        <source>Workshops, community needs and assembly resolutions for the Lampang Provincial Administrative Organization and the Lampang citizens&apos; network council. Works without internet; laptops exchange signed bundle files with the office.</source>
        <translation>การประชุมเชิงปฏิบัติการ ความต้องการของชุมชน และมติสมัชชา สำหรับองค์การบริหารส่วนจังหวัดลำปางและสภาเครือข่ายพลเมืองจังหวัดลำปาง ใช้งานได้โดยไม่ต้องมีอินเทอร์เน็ต เครื่องภาคสนามส่งแฟ้มข้อมูลที่ลงลายมือชื่อดิจิทัลแล้วให้สำนักงาน</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>โปรแกรม</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>สัญญาอนุญาต</translation>
    </message>
    <message>
        <source>Font licence (OFL)</source>
        <translation>สัญญาอนุญาตฟอนต์ (OFL)</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>ส่วนประกอบ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>รุ่น</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>สัญญาอนุญาต</translation>
    </message>
    <message>
        <source>Lampang Planner is free software under the MIT licence. It includes the components below, each under its own licence. The Thai font Sarabun is under the SIL Open Font License 1.1 (full text in the next tab). Qt and PySide6 are used under the GNU LGPL version 3: their libraries are separate files in the program&apos;s folder and can be replaced with other builds.</source>
        <translation>โปรแกรมนี้เป็นซอฟต์แวร์เสรีภายใต้สัญญาอนุญาต MIT และรวมส่วนประกอบตามตารางด้านล่าง ซึ่งแต่ละรายการใช้สัญญาอนุญาตของตนเอง ฟอนต์ภาษาไทย Sarabun ใช้สัญญาอนุญาต SIL Open Font License 1.1 (ข้อความเต็มอยู่ในแท็บถัดไป) ส่วน Qt และ PySide6 ใช้ภายใต้ GNU LGPL รุ่นที่ 3 โดยไลบรารีเป็นไฟล์แยกอยู่ในโฟลเดอร์ของโปรแกรม และเปลี่ยนเป็นรุ่นอื่นได้</translation>
    </message>
    <message>
        <source>Sarabun © 2018 The Sarabun Project Authors (Cadson Demak), shipped unmodified with its licence:</source>
        <translation>ฟอนต์ Sarabun © 2018 The Sarabun Project Authors (Cadson Demak) แจกจ่ายโดยไม่ดัดแปลง พร้อมสัญญาอนุญาตดังนี้:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>{name} ({role}), desk {desk}</source>
        <translation>{name} ({role}) โต๊ะ {desk}</translation>
    </message>
    <message>
        <source>installed program</source>
        <translation>โปรแกรมที่ติดตั้ง</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>โฟลเดอร์ข้อมูล</translation>
    </message>
    <message>
        <source>Database schema</source>
        <translation>โครงสร้างฐานข้อมูล</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>เครื่องนี้</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>สร้างด้วย</translation>
    </message>
    <message>
        <source>System</source>
        <translation>ระบบปฏิบัติการ</translation>
    </message>
</context>
<context>
    <name>AdoptResolutionDialog</name>
    <message>
        <source>Adopt the resolution</source>
        <translation>รับรองมติ</translation>
    </message>
    <message>
        <source>Clauses without an adopted text take their working text. Once adopted, the resolution no longer changes; every version stays on record.</source>
        <translation>ข้อที่ยังไม่ได้กำหนดข้อความที่รับรอง จะใช้ข้อความปัจจุบันของข้อนั้น เมื่อรับรองแล้วจะแก้ไขมติไม่ได้อีก ทุกฉบับของข้อความยังเก็บไว้เป็นหลักฐาน</translation>
    </message>
    <message>
        <source>Adopted on</source>
        <translation>รับรองเมื่อ</translation>
    </message>
    <message>
        <source>Consolidated text</source>
        <translation>ข้อความฉบับรวม</translation>
    </message>
</context>
<context>
    <name>AdoptTextDialog</name>
    <message>
        <source>Adopted text of clause {n}</source>
        <translation>ข้อความที่รับรองของข้อ {n}</translation>
    </message>
    <message>
        <source>Adopted text</source>
        <translation>ข้อความที่รับรอง</translation>
    </message>
</context>
<context>
    <name>AmendmentDialog</name>
    <message>
        <source>Amendment to clause {n}</source>
        <translation>คำแปรญัตติข้อ {n}</translation>
    </message>
    <message>
        <source>Moved by</source>
        <translation>ผู้เสนอ</translation>
    </message>
    <message>
        <source>Seconded by</source>
        <translation>ผู้รับรอง</translation>
    </message>
    <message>
        <source>Proposed text</source>
        <translation>ข้อความที่เสนอ</translation>
    </message>
    <message>
        <source>The clause as it stands</source>
        <translation>ข้อความของข้อนี้ในปัจจุบัน</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>All</source>
        <translation>ทั้งหมด</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>กำลังโหลด…</translation>
    </message>
    <message>
        <source>Showing {shown} of the newest {total} changes (choose dates or a kind of data to see older ones)</source>
        <translation>แสดง {shown} จาก {total} รายการแก้ไขล่าสุด (เลือกวันที่หรือชนิดข้อมูลเพื่อดูรายการที่เก่ากว่า)</translation>
    </message>
    <message>
        <source>{n} changes</source>
        <translation>{n} รายการแก้ไข</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} changes</source>
        <translation>แสดง {shown} จาก {total} รายการแก้ไข</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>ส่งออกบันทึกการแก้ไข</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>ไฟล์ Excel (*.xlsx);;ไฟล์ CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>กำลังส่งออก…</translation>
    </message>
    <message>
        <source>Exported {n} changes to {file}</source>
        <translation>ส่งออก {n} รายการแก้ไขไปที่ {file} แล้ว</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>ส่งออกไม่สำเร็จ: {reason}</translation>
    </message>
    <message>
        <source>Audit log — who changed what and when</source>
        <translation>บันทึกการแก้ไข — ใครแก้ไขอะไร เมื่อใด</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>ข้อมูล</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>ผู้บันทึก</translation>
    </message>
    <message>
        <source>From</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <source>To</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <source>Search action, record, field, device or name…</source>
        <translation>ค้นหาการกระทำ รายการ ช่องข้อมูล เครื่อง หรือชื่อ…</translation>
    </message>
    <message>
        <source>Device/desk and, in brackets, the name signed in on it</source>
        <translation>เครื่อง/จุดลงทะเบียน และชื่อผู้ใช้งานที่ลงชื่อไว้ในวงเล็บ</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>ส่งออก…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>วันเวลา</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>ข้อมูล</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>การกระทำ</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>เครื่อง</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>จุด</translation>
    </message>
    <message>
        <source>Signed-in name</source>
        <translation>ผู้ใช้งาน</translation>
    </message>
    <message>
        <source>Fields changed</source>
        <translation>ช่องที่เปลี่ยน</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>รหัสรายการ</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Not done</source>
        <translation>ทำไม่สำเร็จ</translation>
    </message>
</context>
<context>
    <name>BadgeDesk</name>
    <message>
        <source>No printer on this computer: the badge opened in the PDF viewer.</source>
        <translation>เครื่องนี้ไม่มีเครื่องพิมพ์ จึงเปิดบัตรในโปรแกรมดู PDF แทน</translation>
    </message>
    <message>
        <source>No printer and no PDF viewer on this computer. The badge is saved in {path}</source>
        <translation>เครื่องนี้ไม่มีเครื่องพิมพ์และไม่มีโปรแกรมดู PDF บัตรถูกบันทึกไว้ที่ {path}</translation>
    </message>
    <message>
        <source>The badge was not printed: {error}</source>
        <translation>ไม่ได้พิมพ์บัตร: {error}</translation>
    </message>
</context>
<context>
    <name>BadgePrinter</name>
    <message>
        <source>Badge label 90 × 65 mm</source>
        <translation>ป้ายบัตร 90 × 65 มม.</translation>
    </message>
    <message>
        <source>A4 sheet with cut marks</source>
        <translation>กระดาษ A4 มีเส้นตัด</translation>
    </message>
    <message>
        <source>The printer {name} is not available.</source>
        <translation>ใช้เครื่องพิมพ์ {name} ไม่ได้</translation>
    </message>
    <message>
        <source>The printer {name} did not accept the badge.</source>
        <translation>เครื่องพิมพ์ {name} ไม่รับงานพิมพ์บัตร</translation>
    </message>
    <message>
        <source>The printer {name} reported an error.</source>
        <translation>เครื่องพิมพ์ {name} แจ้งข้อผิดพลาด</translation>
    </message>
    <message>
        <source>Badge sent to {name}.</source>
        <translation>ส่งบัตรไปที่เครื่องพิมพ์ {name} แล้ว</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>พิมพ์บัตร</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>เครื่องพิมพ์</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>กระดาษ</translation>
    </message>
    <message>
        <source>The desk remembers this; change it under Options.</source>
        <translation>โต๊ะนี้จะจำค่านี้ไว้ เปลี่ยนได้ที่เมนู &quot;ตัวเลือก&quot;</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>พิมพ์</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>No data yet</source>
        <translation>ยังไม่มีข้อมูล</translation>
    </message>
</context>
<context>
    <name>CardReaderController</name>
    <message>
        <source>ID card not read</source>
        <translation>อ่านบัตรประชาชนไม่ได้</translation>
    </message>
    <message>
        <source>Choose a workshop first</source>
        <translation>เลือกการประชุมก่อน</translation>
    </message>
    <message>
        <source>There is no workshop to check in to.</source>
        <translation>ยังไม่มีการประชุมให้ลงทะเบียน</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>ยังไม่ได้ลงทะเบียน</translation>
    </message>
    <message>
        <source>Not on the list</source>
        <translation>ไม่มีชื่อในรายชื่อ</translation>
    </message>
    <message>
        <source>Please go to the registration desk: they will register you.</source>
        <translation>กรุณาติดต่อโต๊ะลงทะเบียน เจ้าหน้าที่จะลงทะเบียนให้</translation>
    </message>
    <message>
        <source>ID card reader: {problem}</source>
        <translation>เครื่องอ่านบัตรประชาชน: {problem}</translation>
    </message>
    <message>
        <source>ID card reader ready ({reader}): insert a Thai ID card to check in</source>
        <translation>เครื่องอ่านบัตรประชาชนพร้อม ({reader}): เสียบบัตรประชาชนเพื่อลงทะเบียน</translation>
    </message>
    <message>
        <source>ID card reader: looking for readers…</source>
        <translation>เครื่องอ่านบัตรประชาชน: กำลังค้นหาเครื่องอ่าน…</translation>
    </message>
    <message>
        <source>Pays allowances (keep citizen ID and address from ID cards, with consent)</source>
        <translation>มีการเบิกจ่าย (เก็บเลขประจำตัวประชาชนและที่อยู่จากบัตร เมื่อยินยอม)</translation>
    </message>
</context>
<context>
    <name>CardWalkinDialog</name>
    <message>
        <source>Filled from the ID card. Ask for consent before saving.</source>
        <translation>กรอกจากบัตรประชาชนแล้ว ถามความยินยอมก่อนบันทึก</translation>
    </message>
    <message>
        <source>This workshop pays allowances: the citizen ID and address from the card are kept if the person agrees.</source>
        <translation>การประชุมนี้มีการเบิกจ่าย: เก็บเลขประจำตัวประชาชนและที่อยู่จากบัตรไว้เมื่อผู้นั้นยินยอม</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Need categories</source>
        <translation>หมวดความต้องการ</translation>
    </message>
    <message>
        <source>The categories needs are filed under, in the order pickers and reports show them. A category still used by a need cannot be removed.</source>
        <translation>หมวดสำหรับจัดกลุ่มความต้องการ เรียงตามลำดับที่แสดงในรายการเลือกและรายงาน หมวดที่ยังมีความต้องการใช้อยู่จะลบไม่ได้</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>เพิ่ม…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>เปลี่ยนชื่อ…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>เลื่อนขึ้น</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>เลื่อนลง</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>Rename a category</source>
        <translation>เปลี่ยนชื่อหมวด</translation>
    </message>
    <message>
        <source>Add a category</source>
        <translation>เพิ่มหมวด</translation>
    </message>
    <message>
        <source>Name in Thai</source>
        <translation>ชื่อภาษาไทย</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>ชื่อภาษาอังกฤษ</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>รหัสหมวด</translation>
    </message>
    <message>
        <source>a short English word, e.g. youth</source>
        <translation>คำภาษาอังกฤษสั้น ๆ เช่น youth</translation>
    </message>
    <message>
        <source>Stored with each need and in reports; it cannot change later</source>
        <translation>บันทึกไว้กับความต้องการแต่ละรายการและในรายงาน เปลี่ยนภายหลังไม่ได้</translation>
    </message>
</context>
<context>
    <name>CheckinDoor</name>
    <message>
        <source>Check-in</source>
        <translation>ลงทะเบียน</translation>
    </message>
</context>
<context>
    <name>CheckinModels</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ–สกุล</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน/องค์กร</translation>
    </message>
    <message>
        <source>Tambon, district</source>
        <translation>ตำบล อำเภอ</translation>
    </message>
    <message>
        <source>At this workshop</source>
        <translation>สถานะในการประชุมนี้</translation>
    </message>
    <message>
        <source>Checked in {time} (desk {desk})</source>
        <translation>ลงทะเบียนแล้ว {time} น. (โต๊ะ {desk})</translation>
    </message>
    <message>
        <source>Not invited (walk-in)</source>
        <translation>ไม่อยู่ในรายชื่อเชิญ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>โต๊ะ</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>ใบลงทะเบียน</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>มาแล้ว</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>ได้รับเชิญ</translation>
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
        <translation>ไม่ได้เปลี่ยนชื่อโต๊ะ</translation>
    </message>
    <message>
        <source>Choose a workshop first</source>
        <translation>กรุณาเลือกการประชุมก่อน</translation>
    </message>
    <message>
        <source>There is no workshop to check in to.</source>
        <translation>ยังไม่มีการประชุมให้ลงทะเบียน</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>ยังไม่ได้ลงทะเบียน</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>ไม่รู้จักรหัสนี้</translation>
    </message>
    <message>
        <source>Scanned: {text}</source>
        <translation>สแกนได้: {text}</translation>
    </message>
    <message>
        <source>Not on the invitation list: please see the desk staff.</source>
        <translation>ไม่อยู่ในรายชื่อเชิญ กรุณาติดต่อเจ้าหน้าที่ที่โต๊ะลงทะเบียน</translation>
    </message>
    <message>
        <source>Not on the invitation list of «{workshop}»: not checked in.</source>
        <translation>ไม่อยู่ในรายชื่อเชิญของ «{workshop}» — ยังไม่ได้ลงทะเบียน</translation>
    </message>
    <message>
        <source>Check in anyway and add to the list (F2)</source>
        <translation>ลงทะเบียนและเพิ่มในรายชื่อเชิญ (F2)</translation>
    </message>
    <message>
        <source>No workshop yet</source>
        <translation>ยังไม่มีการประชุม</translation>
    </message>
    <message>
        <source>Add a workshop on the Workshops page first.</source>
        <translation>เพิ่มการประชุมที่หน้า &quot;การประชุม&quot; ก่อน</translation>
    </message>
    <message>
        <source>Show your badge&apos;s QR code to the scanner</source>
        <translation>กรุณาแสดงคิวอาร์โค้ดบนบัตรที่เครื่องสแกน</translation>
    </message>
    <message>
        <source>Welcome! Scan your badge to check in.</source>
        <translation>ยินดีต้อนรับ สแกนบัตรเพื่อลงทะเบียนเข้าร่วมประชุม</translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation>พร้อมสแกน</translation>
    </message>
    <message>
        <source>Scan a badge, or search a name below. Walk-ins: Register a walk-in.</source>
        <translation>สแกนบัตร หรือค้นหาชื่อด้านล่าง ผู้ที่ไม่มีชื่อในรายชื่อ: กด &quot;ลงทะเบียนหน้างาน&quot;</translation>
    </message>
    <message>
        <source>No workshop on this laptop yet</source>
        <translation>เครื่องนี้ยังไม่มีการประชุม</translation>
    </message>
    <message>
        <source>Import the office kit (the file the office gives you, e.g. on a USB stick): it brings the workshop and its invitation list. Exchange page → Import.</source>
        <translation>นำเข้าชุดข้อมูล (kit) จากสำนักงาน (ไฟล์ที่สำนักงานให้มา เช่น ในแฟลชไดรฟ์) ซึ่งมีการประชุมและรายชื่อผู้ได้รับเชิญ ที่หน้า &quot;รับ–ส่งข้อมูล&quot; → นำเข้า</translation>
    </message>
    <message>
        <source>Import the office kit…</source>
        <translation>นำเข้าชุดข้อมูลจากสำนักงาน…</translation>
    </message>
    <message>
        <source>Not undone</source>
        <translation>ยกเลิกไม่ได้</translation>
    </message>
    <message>
        <source>Type part of a name, organisation or phone number; Enter or a double click checks the selected person in.</source>
        <translation>พิมพ์บางส่วนของชื่อ หน่วยงาน หรือเบอร์โทรศัพท์ แล้วกด Enter หรือดับเบิลคลิกเพื่อลงทะเบียนคนที่เลือก</translation>
    </message>
    <message>
        <source>No one found. Register a walk-in?</source>
        <translation>ไม่พบรายชื่อ ลงทะเบียนหน้างานหรือไม่</translation>
    </message>
    <message>
        <source>{n} found; Enter checks in the selected person, ↑ ↓ choose.</source>
        <translation>พบ {n} รายชื่อ กด Enter เพื่อลงทะเบียนคนที่เลือก ใช้ ↑ ↓ เลือก</translation>
    </message>
    <message>
        <source>checked in / invited</source>
        <translation>ลงทะเบียนแล้ว / ได้รับเชิญ</translation>
    </message>
    <message>
        <source>The camera stopped: {error}</source>
        <translation>กล้องหยุดทำงาน: {error}</translation>
    </message>
    <message>
        <source>No webcam scanning: this copy of the program was installed without its camera part. Ask the office for the full installer, or use the USB scanner or the name search.</source>
        <translation>สแกนด้วยกล้องไม่ได้: โปรแกรมชุดนี้ติดตั้งมาโดยไม่มีส่วนของกล้อง ขอตัวติดตั้งฉบับเต็มจากสำนักงาน หรือใช้เครื่องสแกน USB หรือค้นหาชื่อแทน</translation>
    </message>
    <message>
        <source>No webcam scanning: no camera was found on this computer. Use the USB scanner or the name search.</source>
        <translation>สแกนด้วยกล้องไม่ได้: ไม่พบกล้องในเครื่องนี้ ใช้เครื่องสแกน USB หรือค้นหาชื่อแทน</translation>
    </message>
    <message>
        <source>Read QR codes with the webcam</source>
        <translation>อ่านคิวอาร์โค้ดด้วยกล้องเว็บแคม</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>ปิดกล้อง</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>กล้อง</translation>
    </message>
    <message>
        <source>Undo the check-in of {name}</source>
        <translation>ยกเลิกการลงทะเบียนของ {name}</translation>
    </message>
    <message>
        <source>Badge printing is not available in this version yet</source>
        <translation>รุ่นนี้ยังพิมพ์บัตรไม่ได้</translation>
    </message>
    <message>
        <source>Print the badge of {name}</source>
        <translation>พิมพ์บัตรของ {name}</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>ลงทะเบียนเข้าร่วมประชุม</translation>
    </message>
    <message>
        <source>The workshop people are checking in to</source>
        <translation>การประชุมที่กำลังลงทะเบียน</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>โต๊ะ</translation>
    </message>
    <message>
        <source>This desk&apos;s name, recorded with each check-in (desk 1, desk 2…)</source>
        <translation>ชื่อโต๊ะลงทะเบียนนี้ บันทึกไว้กับการลงทะเบียนทุกรายการ (โต๊ะ 1, โต๊ะ 2…)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>ตัวเลือก</translation>
    </message>
    <message>
        <source>Sound for each result</source>
        <translation>เสียงแจ้งผลการสแกน</translation>
    </message>
    <message>
        <source>Set the kiosk PIN…</source>
        <translation>ตั้ง PIN โหมดคีออสก์…</translation>
    </message>
    <message>
        <source>Open on this screen when the program starts</source>
        <translation>เปิดโปรแกรมที่หน้าลงทะเบียนทุกครั้ง</translation>
    </message>
    <message>
        <source>Badge printer and paper…</source>
        <translation>เครื่องพิมพ์บัตรและขนาดกระดาษ…</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>โหมดคีออสก์</translation>
    </message>
    <message>
        <source>Full screen with only the scan result; a PIN is needed to leave</source>
        <translation>เต็มจอ แสดงเฉพาะผลการสแกน ต้องใส่ PIN เพื่อออก</translation>
    </message>
    <message>
        <source>Leave kiosk…</source>
        <translation>ออกจากโหมดคีออสก์…</translation>
    </message>
    <message>
        <source>Undo last check-in</source>
        <translation>ยกเลิกรายการล่าสุด</translation>
    </message>
    <message>
        <source>Register a walk-in…</source>
        <translation>ลงทะเบียนหน้างาน…</translation>
    </message>
    <message>
        <source>Key in from paper…</source>
        <translation>บันทึกจากใบลงทะเบียน…</translation>
    </message>
    <message>
        <source>Tick this session&apos;s attendance from the signed paper sheet</source>
        <translation>ติ๊กผู้มาประชุมช่วงนี้จากใบลงทะเบียนที่ลงลายมือชื่อแล้ว</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>พิมพ์บัตร</translation>
    </message>
    <message>
        <source>Search a name (Thai or English) if there is no badge…</source>
        <translation>ไม่มีบัตร? ค้นหาชื่อ (ภาษาไทยหรืออังกฤษ)…</translation>
    </message>
    <message>
        <source>By participant type</source>
        <translation>ตามประเภทผู้เข้าร่วม</translation>
    </message>
    <message>
        <source>By district</source>
        <translation>ตามอำเภอ</translation>
    </message>
    <message>
        <source>Latest check-ins</source>
        <translation>ลงทะเบียนล่าสุด</translation>
    </message>
</context>
<context>
    <name>ClauseDialog</name>
    <message>
        <source>Change the clause text</source>
        <translation>แก้ไขข้อความของข้อ</translation>
    </message>
    <message>
        <source>Add a clause</source>
        <translation>เพิ่มข้อ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>เลขข้อ</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>after the last</source>
        <translation>ต่อจากข้อสุดท้าย</translation>
    </message>
    <message>
        <source>The earlier text is kept as a version</source>
        <translation>ข้อความเดิมจะเก็บไว้เป็นฉบับก่อนหน้า</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>settle conflicts</source>
        <translation>ตัดสินข้อมูลที่ขัดแย้งกัน</translation>
    </message>
    <message>
        <source>Settled. The choice is sent with the next bundle, so every device agrees.</source>
        <translation>แก้ไขแล้ว ผลการเลือกจะส่งไปกับไฟล์ข้อมูลแลกเปลี่ยนครั้งถัดไป ทุกเครื่องจึงตรงกัน</translation>
    </message>
    <message>
        <source>Keep every value shown</source>
        <translation>ใช้ค่าที่แสดงอยู่ทั้งหมด</translation>
    </message>
    <message>
        <source>Keep the value shown for all {n} conflicts and set the other values aside?</source>
        <translation>ใช้ค่าที่แสดงอยู่สำหรับข้อขัดแย้งทั้ง {n} รายการ และไม่ใช้ค่าอีกค่าหรือไม่</translation>
    </message>
    <message>
        <source>{n} conflicts settled by keeping the values shown.</source>
        <translation>แก้ไขข้อขัดแย้ง {n} รายการแล้ว โดยใช้ค่าที่แสดงอยู่</translation>
    </message>
    <message>
        <source>No conflicts to review.</source>
        <translation>ไม่มีข้อขัดแย้งที่ต้องตรวจสอบ</translation>
    </message>
    <message>
        <source>Keep the value shown</source>
        <translation>ใช้ค่าที่แสดงอยู่</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>ใช้อีกค่าหนึ่ง</translation>
    </message>
    <message>
        <source>&lt;b&gt;{record}&lt;/b&gt; was deleted on {winner}, while {loser} changed its &lt;b&gt;{field}&lt;/b&gt; to “{other}” without knowing of the delete.</source>
        <translation>&lt;b&gt;{record}&lt;/b&gt; ถูกลบที่เครื่อง {winner} ขณะที่เครื่อง {loser} แก้ไข&lt;b&gt;{field}&lt;/b&gt;เป็น “{other}” โดยไม่ทราบว่ามีการลบ</translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation>ยืนยันการลบ</translation>
    </message>
    <message>
        <source>Restore it</source>
        <translation>กู้คืนข้อมูลนี้</translation>
    </message>
    <message>
        <source>&lt;b&gt;{record}&lt;/b&gt;: two devices changed &lt;b&gt;{field}&lt;/b&gt; at about the same time. “{shown}” (from {winner}) is shown; “{other}” from {loser} was kept aside.</source>
        <translation>&lt;b&gt;{record}&lt;/b&gt;: สองเครื่องแก้ไข&lt;b&gt;{field}&lt;/b&gt;ในเวลาใกล้เคียงกัน ขณะนี้แสดง “{shown}” (จาก {winner}) ส่วน “{other}” จาก {loser} เก็บไว้ให้ตรวจสอบ</translation>
    </message>
    <message>
        <source>When two devices changed the same thing without seeing each other&apos;s change, the newer change is shown and the other is kept here. Nothing is lost: choose which value stays.</source>
        <translation>เมื่อสองเครื่องแก้ไขข้อมูลเดียวกันโดยไม่เห็นการแก้ไขของอีกเครื่อง โปรแกรมจะแสดงค่าที่ใหม่กว่า และเก็บอีกค่าไว้ที่นี่ ข้อมูลจึงไม่สูญหาย กรุณาเลือกว่าจะใช้ค่าใด</translation>
    </message>
    <message>
        <source>Keep every value shown…</source>
        <translation>ใช้ค่าที่แสดงอยู่ทั้งหมด…</translation>
    </message>
</context>
<context>
    <name>DeliberationView</name>
    <message>
        <source>— choose the workshop where the vote is taken —</source>
        <translation>— เลือกการประชุมที่ลงมติ —</translation>
    </message>
    <message>
        <source>No clause selected</source>
        <translation>ยังไม่ได้เลือกข้อ</translation>
    </message>
    <message>
        <source>Clause {n}</source>
        <translation>ข้อ {n}</translation>
    </message>
    <message>
        <source>This resolution has been adopted; its text and votes no longer change.</source>
        <translation>มตินี้รับรองแล้ว ข้อความและผลการลงมติจะไม่เปลี่ยนแปลงอีก</translation>
    </message>
    <message>
        <source>Choose the workshop first: amendments and votes are recorded for it.</source>
        <translation>เลือกการประชุมก่อน คำแปรญัตติและผลการลงมติจะบันทึกไว้กับการประชุมนั้น</translation>
    </message>
    <message>
        <source>Enter on a clause records the vote on it; A moves an amendment. Enter on an amendment records the vote on the amendment.</source>
        <translation>กด Enter ที่ข้อ เพื่อบันทึกการลงมติในข้อนั้น กด A เพื่อเสนอคำแปรญัตติ กด Enter ที่คำแปรญัตติ เพื่อบันทึกการลงมติในคำแปรญัตตินั้น</translation>
    </message>
    <message>
        <source>Workshop:</source>
        <translation>การประชุม:</translation>
    </message>
    <message>
        <source>Amendments moved at this workshop</source>
        <translation>คำแปรญัตติที่เสนอในการประชุมนี้</translation>
    </message>
    <message>
        <source>Vote on the clause…</source>
        <translation>ลงมติในข้อนี้…</translation>
    </message>
    <message>
        <source>Move an amendment…</source>
        <translation>เสนอคำแปรญัตติ…</translation>
    </message>
    <message>
        <source>Vote on the amendment…</source>
        <translation>ลงมติในคำแปรญัตติ…</translation>
    </message>
    <message>
        <source>Withdrawn by the mover</source>
        <translation>ผู้เสนอถอนคำแปรญัตติ</translation>
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
    <name>DuplicatesPanel</name>
    <message>
        <source>{n} invitations or check-ins still belong to people merged into others (made on a laptop that had not heard of the merge).</source>
        <translation>มีการเชิญหรือการลงทะเบียน {n} รายการที่ยังผูกกับบุคคลที่ถูกรวมไปแล้ว (บันทึกจากเครื่องที่ยังไม่ทราบเรื่องการรวม)</translation>
    </message>
    <message>
        <source>merge people</source>
        <translation>รวมรายชื่อบุคคลซ้ำ</translation>
    </message>
    <message>
        <source>Merge people</source>
        <translation>รวมบุคคล</translation>
    </message>
    <message>
        <source>Merge these {n} records into one person? Their invitations and check-ins are combined, and the merge is sent with the next bundle.</source>
        <translation>รวมข้อมูล {n} รายการนี้เป็นบุคคลเดียวหรือไม่ การเชิญและการลงทะเบียนจะรวมกัน และการรวมนี้จะส่งไปกับไฟล์ข้อมูลแลกเปลี่ยนครั้งถัดไป</translation>
    </message>
    <message>
        <source>Merged into one person.</source>
        <translation>รวมเป็นบุคคลเดียวแล้ว</translation>
    </message>
    <message>
        <source>say these are not one person</source>
        <translation>ยืนยันว่าไม่ใช่บุคคลเดียวกัน</translation>
    </message>
    <message>
        <source>Noted: not the same person. They will not be offered again.</source>
        <translation>บันทึกแล้วว่าไม่ใช่บุคคลเดียวกัน จะไม่เสนอรายการนี้อีก</translation>
    </message>
    <message>
        <source>move check-ins to merged people</source>
        <translation>ย้ายการลงทะเบียนไปยังบุคคลที่รวมแล้ว</translation>
    </message>
    <message>
        <source>{n} invitations or check-ins moved to the people they were merged into.</source>
        <translation>ย้ายการเชิญหรือการลงทะเบียน {n} รายการไปยังบุคคลที่รวมเข้าด้วยแล้ว</translation>
    </message>
    <message>
        <source>People registered on more than one laptop may be the same person: the same citizen ID, or the same name with the same phone or tambon. Nothing is merged until you choose to.</source>
        <translation>บุคคลที่ลงทะเบียนจากหลายเครื่องอาจเป็นคนเดียวกัน: เลขประจำตัวประชาชนเดียวกัน หรือชื่อเดียวกันและเบอร์โทรศัพท์หรือตำบลเดียวกัน โปรแกรมจะไม่รวมให้เองจนกว่าท่านจะเลือก</translation>
    </message>
    <message>
        <source>Keep the details of:</source>
        <translation>ใช้รายละเอียดของ:</translation>
    </message>
    <message>
        <source>Merge into one person…</source>
        <translation>รวมเป็นบุคคลเดียว…</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>ไม่ใช่บุคคลเดียวกัน</translation>
    </message>
    <message>
        <source>Move them</source>
        <translation>ย้ายรายการเหล่านี้</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase this person</source>
        <translation>ลบข้อมูลบุคคลนี้</translation>
    </message>
    <message>
        <source>Erased: {name}</source>
        <translation>ลบแล้ว: {name}</translation>
    </message>
    <message>
        <source>The person&apos;s name, organisation, position, phone number, citizen ID and note are gone from this machine; the next bundle takes the erasure to the office and the other laptops.</source>
        <translation>ชื่อ หน่วยงาน ตำแหน่ง เบอร์โทรศัพท์ เลขประจำตัวประชาชน และหมายเหตุของบุคคลนี้ถูกลบจากเครื่องนี้แล้ว ชุดข้อมูลที่ส่งครั้งถัดไปจะนำการลบนี้ไปยังสำนักงานและเครื่องอื่นทุกเครื่อง</translation>
    </message>
    <message>
        <source>{n} older changes in this machine&apos;s change log were cleared of the person&apos;s details.</source>
        <translation>ล้างข้อมูลของบุคคลนี้ออกจากประวัติการแก้ไขในเครื่องนี้แล้ว {n} รายการ</translation>
    </message>
    <message>
        <source>{n} backup copies made earlier (folder backups) still hold the old data: delete them when they are no longer needed.</source>
        <translation>สำเนาสำรองที่ทำไว้ก่อนหน้านี้ {n} ไฟล์ (โฟลเดอร์ backups) ยังมีข้อมูลเดิมอยู่ ให้ลบทิ้งเมื่อไม่จำเป็นต้องใช้แล้ว</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>This person has already been erased.</source>
        <translation>ข้อมูลของบุคคลนี้ถูกลบไปแล้ว</translation>
    </message>
    <message>
        <source>Erase {name}?</source>
        <translation>ลบข้อมูลของ {name} หรือไม่?</translation>
    </message>
    <message>
        <source>Erasing removes this person&apos;s name, prefix, organisation, position, phone number, citizen ID and note — here now, and at the office and on every other laptop through the next bundles. &lt;b&gt;It cannot be undone.&lt;/b&gt;</source>
        <translation>การลบจะลบชื่อ คำนำหน้า หน่วยงาน ตำแหน่ง เบอร์โทรศัพท์ เลขประจำตัวประชาชน และหมายเหตุของบุคคลนี้ ในเครื่องนี้ทันที และที่สำนักงานกับเครื่องอื่นทุกเครื่องผ่านชุดข้อมูลครั้งถัดไป &lt;b&gt;ย้อนกลับไม่ได้&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Kept without any personal data, so counts and vote tallies stay right: {att} attendance records, {inv} invitations, {bal} ballots.</source>
        <translation>คงไว้โดยไม่มีข้อมูลส่วนบุคคล เพื่อให้ยอดรวมและผลการลงคะแนนยังถูกต้อง: การลงทะเบียน {att} รายการ การเชิญ {inv} รายการ บัตรลงคะแนน {bal} ใบ</translation>
    </message>
    <message>
        <source>{n} duplicate records merged into this person are erased too.</source>
        <translation>ระเบียนซ้ำที่รวมเข้ากับบุคคลนี้ {n} รายการจะถูกลบด้วย</translation>
    </message>
    <message>
        <source>{n} community needs or amendments mention this name in their text: review them by hand.</source>
        <translation>มีความต้องการของชุมชนหรือคำแปรญัตติ {n} รายการที่ระบุชื่อนี้ในข้อความ กรุณาตรวจแก้ด้วยตนเอง</translation>
    </message>
    <message>
        <source>I have checked that this is the person who asked, and that this cannot be undone</source>
        <translation>ตรวจสอบแล้วว่าเป็นบุคคลที่ยื่นคำขอ และทราบว่าการลบย้อนกลับไม่ได้</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>ExchangeModels</name>
    <message>
        <source>Changes only</source>
        <translation>เฉพาะที่เปลี่ยน</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>ทั้งหมด</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>ชุดข้อมูลตั้งต้น</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {merged} merged, {unchanged} unchanged</source>
        <translation>นำเข้าแล้ว: เพิ่ม {added} ปรับปรุง {updated} รวม {merged} ไม่เปลี่ยน {unchanged}</translation>
    </message>
    <message>
        <source>Already imported before: nothing to do</source>
        <translation>นำเข้าแล้วก่อนหน้านี้ ไม่มีอะไรต้องทำ</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>ปฏิเสธ: {reason}</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(ถูกลบ)</translation>
    </message>
    <message>
        <source>Edited while deleted elsewhere</source>
        <translation>แก้ไขขณะที่อีกเครื่องลบ</translation>
    </message>
    <message>
        <source>Edited on two devices</source>
        <translation>แก้ไขจากสองเครื่อง</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>ส่งออก</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>From</source>
        <translation>จาก</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ข้อมูล</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>ช่องข้อมูล</translation>
    </message>
    <message>
        <source>Value shown</source>
        <translation>ค่าที่แสดงอยู่</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>อีกค่าหนึ่ง</translation>
    </message>
    <message>
        <source>Other value from</source>
        <translation>อีกค่ามาจาก</translation>
    </message>
    <message>
        <source>People</source>
        <translation>บุคคล</translation>
    </message>
    <message>
        <source>Why they may be one person</source>
        <translation>เหตุที่อาจเป็นคนเดียวกัน</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ–สกุล</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน/องค์กร</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>ลงทะเบียนที่เครื่อง</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>ได้รับเชิญ</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>มาแล้ว</translation>
    </message>
    <message>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <source>Exported / imported</source>
        <translation>ส่งออก / นำเข้า</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>เครื่อง</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>This device: {name} ({role}) · key {fingerprint}</source>
        <translation>เครื่องนี้: {name} ({role}) · กุญแจ {fingerprint}</translation>
    </message>
    <message>
        <source>office: {office}</source>
        <translation>สำนักงาน: {office}</translation>
    </message>
    <message>
        <source>Device id {id}; public key {key}</source>
        <translation>รหัสเครื่อง {id} กุญแจสาธารณะ {key}</translation>
    </message>
    <message>
        <source>Everything: a kit for field laptops (workshops, people, draft resolutions, this office&apos;s key)</source>
        <translation>ทั้งหมด: ชุดข้อมูลตั้งต้นสำหรับเครื่องภาคสนาม (การประชุม ผู้เข้าร่วม ร่างมติ และกุญแจของสำนักงานนี้)</translation>
    </message>
    <message>
        <source>Everything this folder holds (when the office lost a bundle)</source>
        <translation>ข้อมูลทั้งหมดในโฟลเดอร์นี้ (เมื่อสำนักงานไม่ได้รับไฟล์ครั้งก่อน)</translation>
    </message>
    <message>
        <source>Field laptops encrypt people&apos;s names, phone numbers and citizen IDs to this office&apos;s key (fingerprint {fp}): only this office opens them.</source>
        <translation>เครื่องภาคสนามเข้ารหัสชื่อ เบอร์โทรศัพท์ และเลขประจำตัวประชาชนของบุคคลด้วยกุญแจของสำนักงานนี้ (ลายนิ้วมือ {fp}) สำนักงานนี้เท่านั้นที่เปิดอ่านได้</translation>
    </message>
    <message>
        <source>People&apos;s names, phone numbers and citizen IDs in the bundle are encrypted for the office: a lost USB stick does not show them.</source>
        <translation>ชื่อ เบอร์โทรศัพท์ และเลขประจำตัวประชาชนในไฟล์ถูกเข้ารหัสให้สำนักงานเปิดได้ผู้เดียว หากแฟลชไดรฟ์หาย ผู้อื่นก็อ่านไม่ได้</translation>
    </message>
    <message>
        <source>This laptop does not have the office&apos;s encryption key yet (import the office&apos;s kit first): people&apos;s names, phone numbers and citizen IDs cannot be encrypted, so they are not exported unless you confirm.</source>
        <translation>เครื่องนี้ยังไม่มีกุญแจเข้ารหัสของสำนักงาน (นำเข้าชุดข้อมูลตั้งต้นจากสำนักงานก่อน) จึงเข้ารหัสชื่อ เบอร์โทรศัพท์ และเลขประจำตัวประชาชนไม่ได้ โปรแกรมจะไม่ส่งออกข้อมูลเหล่านี้จนกว่าคุณจะยืนยัน</translation>
    </message>
    <message>
        <source>USB: {drive}</source>
        <translation>USB: {drive}</translation>
    </message>
    <message>
        <source>Documents ({folder})</source>
        <translation>เอกสาร ({folder})</translation>
    </message>
    <message>
        <source>Export the bundle to…</source>
        <translation>ส่งออกไฟล์ข้อมูลแลกเปลี่ยนไปที่…</translation>
    </message>
    <message>
        <source>All workshops</source>
        <translation>ทุกการประชุม</translation>
    </message>
    <message>
        <source>Nothing exported from here yet: the first export carries everything.</source>
        <translation>ยังไม่เคยส่งออกจากเครื่องนี้ การส่งออกครั้งแรกจะรวมข้อมูลทั้งหมด</translation>
    </message>
    <message>
        <source>Last export: {when}, {n} changes ({kind}), {file}</source>
        <translation>ส่งออกครั้งล่าสุด: {when} {n} รายการ ({kind}) {file}</translation>
    </message>
    <message>
        <source>The two passphrases are not the same: type the passphrase twice, exactly alike. Nothing was exported.</source>
        <translation>รหัสผ่านสองช่องไม่ตรงกัน กรุณาพิมพ์รหัสผ่านเดียวกันทั้งสองช่อง ยังไม่ได้ส่งออกไฟล์ใด</translation>
    </message>
    <message>
        <source>build a kit</source>
        <translation>สร้างชุดข้อมูลตั้งต้น (kit)</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>กำลังเขียนไฟล์ข้อมูลแลกเปลี่ยน…</translation>
    </message>
    <message>
        <source>Personal data would not be encrypted</source>
        <translation>ข้อมูลส่วนบุคคลจะไม่ถูกเข้ารหัส</translation>
    </message>
    <message>
        <source>This laptop does not have the office&apos;s encryption key, so the names, phone numbers and citizen IDs in this bundle would be written UNENCRYPTED: anyone who finds the USB stick can read them.

If you can, import the office&apos;s kit first (then they are encrypted). Export unencrypted anyway, and delete the file once the office has imported it?</source>
        <translation>เครื่องนี้ไม่มีกุญแจเข้ารหัสของสำนักงาน ชื่อ เบอร์โทรศัพท์ และเลขประจำตัวประชาชนในไฟล์นี้จะถูกบันทึกแบบไม่เข้ารหัส ใครเก็บแฟลชไดรฟ์ได้ก็อ่านได้

หากทำได้ ให้นำเข้าชุดข้อมูลตั้งต้นจากสำนักงานก่อน (แล้วข้อมูลจะถูกเข้ารหัส) ยังต้องการส่งออกแบบไม่เข้ารหัส และลบไฟล์ทิ้งเมื่อสำนักงานนำเข้าแล้วหรือไม่</translation>
    </message>
    <message>
        <source>Export unencrypted</source>
        <translation>ส่งออกแบบไม่เข้ารหัส</translation>
    </message>
    <message>
        <source>The passphrase was wrong. Type the passphrase of {files} again:</source>
        <translation>รหัสผ่านไม่ถูกต้อง กรุณาพิมพ์รหัสผ่านของ {files} อีกครั้ง:</translation>
    </message>
    <message>
        <source>{files} is protected with a passphrase. Type the passphrase the office gave you:</source>
        <translation>{files} ป้องกันด้วยรหัสผ่าน กรุณาพิมพ์รหัสผ่านที่ได้รับจากสำนักงาน:</translation>
    </message>
    <message>
        <source>Protected bundle</source>
        <translation>ไฟล์ที่ป้องกันด้วยรหัสผ่าน</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <source>Import bundle files</source>
        <translation>นำเข้าไฟล์ข้อมูลแลกเปลี่ยน</translation>
    </message>
    <message>
        <source>Lampang Planner bundles (*{suffix});;All files (*)</source>
        <translation>ไฟล์ข้อมูลแลกเปลี่ยน Lampang Planner (*{suffix});;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Checking {n} files…</source>
        <translation>กำลังตรวจสอบ {n} ไฟล์…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>กำลังหยุด…</translation>
    </message>
    <message>
        <source>Checking {file} ({done} of {total} files)…</source>
        <translation>กำลังตรวจสอบ {file} (ไฟล์ที่ {done} จาก {total})…</translation>
    </message>
    <message>
        <source>Merging {done} of {total} changes in one transaction…</source>
        <translation>กำลังรวมข้อมูล {done} จาก {total} รายการ ในขั้นตอนเดียว…</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>กำลังเขียน {file}…</translation>
    </message>
    <message>
        <source>Saved {n} changes ({kind}) to {file}</source>
        <translation>บันทึก {n} รายการ ({kind}) ไว้ที่ {file}</translation>
    </message>
    <message>
        <source>personal data encrypted for the office</source>
        <translation>ข้อมูลส่วนบุคคลเข้ารหัสให้สำนักงานแล้ว</translation>
    </message>
    <message>
        <source>protected with the passphrase: give it to the laptop&apos;s team separately, not on the same stick</source>
        <translation>ป้องกันด้วยรหัสผ่านแล้ว: แจ้งรหัสผ่านแก่ทีมภาคสนามแยกต่างหาก ไม่ใส่ไว้ในแฟลชไดรฟ์เดียวกัน</translation>
    </message>
    <message>
        <source>{ok} files imported, {refused} refused (see below).</source>
        <translation>นำเข้า {ok} ไฟล์ ถูกปฏิเสธ {refused} ไฟล์ (ดูด้านล่าง)</translation>
    </message>
    <message>
        <source>{ok} files imported.</source>
        <translation>นำเข้า {ok} ไฟล์แล้ว</translation>
    </message>
    <message>
        <source>Nothing new: these files had been imported before.</source>
        <translation>ไม่มีข้อมูลใหม่ ไฟล์เหล่านี้นำเข้าแล้วก่อนหน้านี้</translation>
    </message>
    <message>
        <source>take in refused files</source>
        <translation>รับไฟล์ที่ถูกปฏิเสธเข้า</translation>
    </message>
    <message>
        <source>Left out: nothing was changed.</source>
        <translation>ไม่ได้รับเข้า: ไม่มีการเปลี่ยนแปลงข้อมูล</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>รายงานการนำเข้า</translation>
    </message>
    <message>
        <source>&lt;b&gt;{added}&lt;/b&gt; added · &lt;b&gt;{updated}&lt;/b&gt; updated · &lt;b&gt;{merged}&lt;/b&gt; merged · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b&gt;{new}&lt;/b&gt; new conflicts (&lt;b&gt;{open}&lt;/b&gt; to review) · &lt;b&gt;{dups}&lt;/b&gt; possible duplicate people</source>
        <translation>เพิ่ม &lt;b&gt;{added}&lt;/b&gt; · ปรับปรุง &lt;b&gt;{updated}&lt;/b&gt; · รวม &lt;b&gt;{merged}&lt;/b&gt; · ไม่เปลี่ยน &lt;b&gt;{unchanged}&lt;/b&gt; · ข้อขัดแย้งใหม่ &lt;b&gt;{new}&lt;/b&gt; (รอตรวจสอบ &lt;b&gt;{open}&lt;/b&gt;) · อาจเป็นบุคคลซ้ำ &lt;b&gt;{dups}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>This folder is now a field laptop of {office}.</source>
        <translation>โฟลเดอร์นี้เป็นเครื่องภาคสนามของ {office} แล้ว</translation>
    </message>
    <message>
        <source>The data folder was backed up first: {file}</source>
        <translation>สำรองข้อมูลไว้ก่อนนำเข้าที่ {file}</translation>
    </message>
    <message>
        <source>Review conflicts ({n})</source>
        <translation>ตรวจสอบข้อขัดแย้ง ({n})</translation>
    </message>
    <message>
        <source>Review possible duplicates ({n})</source>
        <translation>ตรวจสอบบุคคลที่อาจซ้ำ ({n})</translation>
    </message>
    <message>
        <source>The export had already finished when Cancel was pressed.</source>
        <translation>การส่งออกเสร็จไปแล้วก่อนกดยกเลิก</translation>
    </message>
    <message>
        <source>The import had already finished when Cancel was pressed.</source>
        <translation>การนำเข้าเสร็จไปแล้วก่อนกดยกเลิก</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>ยกเลิกแล้ว ข้อมูลไม่มีการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Export and import</source>
        <translation>ส่งออกและนำเข้า</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>ข้อขัดแย้ง ({n})</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>ข้อขัดแย้ง</translation>
    </message>
    <message>
        <source>Duplicate people ({n})</source>
        <translation>บุคคลที่อาจซ้ำ ({n})</translation>
    </message>
    <message>
        <source>Duplicate people</source>
        <translation>บุคคลที่อาจซ้ำ</translation>
    </message>
    <message>
        <source>History</source>
        <translation>ประวัติ</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>รับ–ส่งข้อมูล</translation>
    </message>
    <message>
        <source>This data folder is still empty. A field laptop starts by importing the kit its office prepared (Import bundle files…). If this computer is the office, say so now:</source>
        <translation>โฟลเดอร์ข้อมูลนี้ยังว่างอยู่ เครื่องภาคสนามเริ่มต้นด้วยการนำเข้าชุดข้อมูลตั้งต้นที่สำนักงานเตรียมให้ (นำเข้าไฟล์ข้อมูลแลกเปลี่ยน…) หากเครื่องนี้เป็นเครื่องของสำนักงาน กรุณาระบุตอนนี้:</translation>
    </message>
    <message>
        <source>This computer is the office</source>
        <translation>เครื่องนี้เป็นเครื่องของสำนักงาน</translation>
    </message>
    <message>
        <source>Export this folder&apos;s work</source>
        <translation>ส่งออกข้อมูลของเครื่องนี้</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>บันทึกที่:</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>เลือกโฟลเดอร์…</translation>
    </message>
    <message>
        <source>Look for USB sticks</source>
        <translation>ค้นหาแฟลชไดรฟ์ USB</translation>
    </message>
    <message>
        <source>Only what changed since the last export (usual)</source>
        <translation>เฉพาะที่เปลี่ยนตั้งแต่ส่งออกครั้งก่อน (ปกติ)</translation>
    </message>
    <message>
        <source>Workshops in the kit:</source>
        <translation>การประชุมในชุดข้อมูล:</translation>
    </message>
    <message>
        <source>Passphrase (optional):</source>
        <translation>รหัสผ่าน (ไม่บังคับ):</translation>
    </message>
    <message>
        <source>passphrase, at least 8 characters</source>
        <translation>รหัสผ่าน อย่างน้อย 8 ตัวอักษร</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>พิมพ์รหัสผ่านซ้ำอีกครั้ง</translation>
    </message>
    <message>
        <source>With a passphrase the kit (and the roster in it) opens only for whoever types it on the laptop. Tell it to the laptop&apos;s team separately, not on the same stick.</source>
        <translation>เมื่อตั้งรหัสผ่าน ชุดข้อมูลตั้งต้น (รวมรายชื่อผู้เข้าร่วม) จะเปิดได้เฉพาะผู้ที่พิมพ์รหัสผ่านนี้ที่เครื่องภาคสนาม แจ้งรหัสผ่านแก่ทีมภาคสนามแยกต่างหาก ไม่ใส่ไว้ในแฟลชไดรฟ์เดียวกัน</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>ส่งออก</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>นำเข้าไฟล์ข้อมูลแลกเปลี่ยน</translation>
    </message>
    <message>
        <source>Choose one or more bundle files, from the laptops or from the office, in any order. Each file is checked before anything is written; the data folder is backed up, then all of them are merged in one step.</source>
        <translation>เลือกไฟล์ข้อมูลแลกเปลี่ยนหนึ่งไฟล์หรือหลายไฟล์ จากเครื่องภาคสนามหรือจากสำนักงาน ในลำดับใดก็ได้ ทุกไฟล์จะถูกตรวจสอบก่อนบันทึกสิ่งใด โปรแกรมจะสำรองข้อมูลไว้ก่อน แล้วรวมทุกไฟล์ในขั้นตอนเดียว</translation>
    </message>
    <message>
        <source>Import bundle files…</source>
        <translation>นำเข้าไฟล์ข้อมูลแลกเปลี่ยน…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>ย้อนการนำเข้านี้…</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>ย้อนการนำเข้านี้</translation>
    </message>
    <message>
        <source>{reason}

Undo the import of {files} anyway? The changes written after it (check-ins at the door, corrections) are kept.</source>
        <translation>{reason}

ย้อนการนำเข้า {files} ต่อไปหรือไม่ รายการที่บันทึกหลังการนำเข้านี้ (การลงทะเบียนที่หน้างาน การแก้ไข) จะเก็บไว้ตามเดิม</translation>
    </message>
    <message>
        <source>Take the import of {files} out again? What it added or changed goes back to how it was before the import; the bundle files are not touched and can be imported again later.</source>
        <translation>ย้อนการนำเข้า {files} หรือไม่ ข้อมูลที่การนำเข้านี้เพิ่มหรือแก้ไขจะกลับเป็นเหมือนก่อนนำเข้า ไฟล์ชุดข้อมูลยังอยู่ครบ นำเข้าใหม่ได้ภายหลัง</translation>
    </message>
    <message>
        <source>Undo, keep the later changes</source>
        <translation>ย้อนกลับ และเก็บรายการที่บันทึกภายหลังไว้</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>ย้อนการนำเข้า</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>กำลังย้อนการนำเข้า…</translation>
    </message>
    <message>
        <source>The import of {files} was undone: {n} changes taken out. The files can be imported again.</source>
        <translation>ย้อนการนำเข้า {files} แล้ว: นำออก {n} รายการ นำเข้าไฟล์เหล่านี้ใหม่ได้</translation>
    </message>
    <message>
        <source>This import was undone; its backup is kept as {file}.</source>
        <translation>ย้อนการนำเข้านี้แล้ว ไฟล์สำรองเก็บไว้ที่ {file}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>— choose a district —</source>
        <translation>— เลือกอำเภอ —</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Welcome to Lampang Planner</source>
        <translation>ยินดีต้อนรับสู่โปรแกรมวางแผนพัฒนา อบจ.ลำปาง</translation>
    </message>
    <message>
        <source>This data folder is new. Tell the program which laptop this is: the name appears on every bundle it sends to the office, and check-ins record the desk.</source>
        <translation>โฟลเดอร์ข้อมูลนี้ยังใหม่ กรุณาบอกโปรแกรมว่าเครื่องนี้คือเครื่องใด ชื่อเครื่องจะปรากฏในทุกแฟ้มข้อมูลที่ส่งให้สำนักงาน และการลงทะเบียนจะบันทึกชื่อโต๊ะไว้ด้วย</translation>
    </message>
    <message>
        <source>Name of this laptop</source>
        <translation>ชื่อเครื่องนี้</translation>
    </message>
    <message>
        <source>Used as</source>
        <translation>ใช้เป็น</translation>
    </message>
    <message>
        <source>Check-in desk name</source>
        <translation>ชื่อโต๊ะลงทะเบียน</translation>
    </message>
    <message>
        <source>e.g. Ko Kha district team, laptop 1</source>
        <translation>เช่น ทีมอำเภอเกาะคา เครื่องที่ 1</translation>
    </message>
    <message>
        <source>You can look around first with the demo data (the 25 August 2559 workshop and the 13 district visits); it is kept in its own folder and never mixes with real data.</source>
        <translation>ทดลองใช้กับข้อมูลตัวอย่างก่อนได้ (การประชุมวันที่ 25 สิงหาคม 2559 และการลงพื้นที่ 13 อำเภอ) ข้อมูลตัวอย่างเก็บไว้ในโฟลเดอร์แยก ไม่ปนกับข้อมูลจริง</translation>
    </message>
    <message>
        <source>Open the demo data</source>
        <translation>เปิดข้อมูลตัวอย่าง</translation>
    </message>
    <message>
        <source>Open on the check-in screen every time (a laptop at the door)</source>
        <translation>เปิดที่หน้าลงทะเบียนทุกครั้ง (เครื่องที่ใช้ที่โต๊ะลงทะเบียนหน้างาน)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>เริ่มใช้งาน</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>ออกจากโปรแกรม</translation>
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
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import the edited plan workbook</source>
        <translation>นำเข้าไฟล์แผนพัฒนาที่แก้ไขแล้ว</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>คอลัมน์</translation>
    </message>
    <message>
        <source>In the program</source>
        <translation>ในโปรแกรม</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>ในไฟล์</translation>
    </message>
    <message>
        <source>Changes to import ({n})</source>
        <translation>รายการที่จะนำเข้า ({n})</translation>
    </message>
    <message>
        <source>Conflicts: changed in the program since the export, not imported ({n})</source>
        <translation>ขัดแย้ง: แก้ไขในโปรแกรมหลังส่งออก ไม่นำเข้า ({n})</translation>
    </message>
    <message>
        <source>Refused rows ({n})</source>
        <translation>แถวที่ไม่นำเข้า ({n})</translation>
    </message>
    <message>
        <source>{n} rows unchanged.</source>
        <translation>ไม่เปลี่ยนแปลง {n} แถว</translation>
    </message>
    <message>
        <source>Import {n} changed projects</source>
        <translation>นำเข้า {n} โครงการที่แก้ไข</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
    <name>NeedDetail</name>
    <message>
        <source>No need selected</source>
        <translation>ยังไม่ได้เลือกความต้องการ</translation>
    </message>
    <message>
        <source>tambon {name}</source>
        <translation>ต.{name}</translation>
    </message>
    <message>
        <source>district {name}</source>
        <translation>อ.{name}</translation>
    </message>
    <message>
        <source>fiscal year {year}</source>
        <translation>ปีงบประมาณ {year}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>{status} since {date}</source>
        <translation>{status} ตั้งแต่ {date}</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวด</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>พื้นที่</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>ผู้เสนอ</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>การประชุม</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ความสำคัญ</translation>
    </message>
    <message>
        <source>rank {rank}, {dots} dot votes</source>
        <translation>ลำดับที่ {rank} คะแนนโหวต {dots}</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>ส่งต่อไปยัง</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>The flipchart photo {name} is not in this data folder.</source>
        <translation>ไม่พบรูปฟลิปชาร์ต {name} ในโฟลเดอร์ข้อมูลนี้</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>ประวัติสถานะ</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>เปลี่ยนสถานะ…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Flipchart photo…</source>
        <translation>รูปฟลิปชาร์ต…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>เอารูปออก</translation>
    </message>
    <message>
        <source>Delete need</source>
        <translation>ลบความต้องการ</translation>
    </message>
</context>
<context>
    <name>NeedEntryDialog</name>
    <message>
        <source>Photo of the flipchart</source>
        <translation>รูปถ่ายฟลิปชาร์ต</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.heic *.gif)</source>
        <translation>รูปภาพ (*.jpg *.jpeg *.png *.webp *.heic *.gif)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <source>Looks like a need already raised in this tambon:</source>
        <translation>ดูคล้ายความต้องการที่เคยเสนอในตำบลนี้แล้ว:</translation>
    </message>
    <message>
        <source>village {no}</source>
        <translation>หมู่ {no}</translation>
    </message>
    <message>
        <source>Enter saves. Shift+Enter starts a new line in the description.</source>
        <translation>กด Enter เพื่อบันทึก กด Shift+Enter เพื่อขึ้นบรรทัดใหม่ในรายละเอียด</translation>
    </message>
    <message>
        <source>Enter saves this need and clears the form for the next one; the place, group and session stay. Shift+Enter starts a new line in the description. Esc closes.</source>
        <translation>กด Enter เพื่อบันทึกและล้างแบบฟอร์มสำหรับรายการถัดไป โดยพื้นที่ กลุ่ม และช่วงการประชุมยังคงอยู่ กด Shift+Enter เพื่อขึ้นบรรทัดใหม่ในรายละเอียด กด Esc เพื่อปิด</translation>
    </message>
    <message>
        <source>Saved {n} needs in this sitting. Last: “{title}”</source>
        <translation>บันทึกแล้ว {n} รายการในรอบนี้ ล่าสุด: “{title}”</translation>
    </message>
    <message>
        <source>Edit need</source>
        <translation>แก้ไขความต้องการ</translation>
    </message>
    <message>
        <source>Record needs</source>
        <translation>บันทึกความต้องการ</translation>
    </message>
    <message>
        <source>Where and who (kept for the next need)</source>
        <translation>พื้นที่และผู้เสนอ (คงไว้สำหรับรายการถัดไป)</translation>
    </message>
    <message>
        <source>Where and who</source>
        <translation>พื้นที่และผู้เสนอ</translation>
    </message>
    <message>
        <source>The need</source>
        <translation>ความต้องการ</translation>
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
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>Village no.</source>
        <translation>หมู่ที่</translation>
    </message>
    <message>
        <source>Village name</source>
        <translation>ชื่อหมู่บ้าน</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>ช่วงการประชุม</translation>
    </message>
    <message>
        <source>Flipchart photo</source>
        <translation>รูปฟลิปชาร์ต</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวด</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Dot votes</source>
        <translation>คะแนนโหวต</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>ผู้เสนอ</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>ส่งต่อไปยัง</translation>
    </message>
    <message>
        <source>Plan strategy</source>
        <translation>ยุทธศาสตร์</translation>
    </message>
    <message>
        <source>Fiscal year (BE)</source>
        <translation>ปีงบประมาณ (พ.ศ.)</translation>
    </message>
    <message>
        <source>Priority rank</source>
        <translation>ลำดับความสำคัญ</translation>
    </message>
    <message>
        <source>(no workshop)</source>
        <translation>(ไม่ระบุการประชุม)</translation>
    </message>
    <message>
        <source>— choose a category —</source>
        <translation>— เลือกหมวด —</translation>
    </message>
    <message>
        <source>(not decided yet)</source>
        <translation>(ยังไม่ได้กำหนด)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
    <message>
        <source>next in the workshop</source>
        <translation>ต่อจากรายการสุดท้าย</translation>
    </message>
    <message>
        <source>e.g. 3</source>
        <translation>เช่น 3</translation>
    </message>
    <message>
        <source>e.g. Group 2, women&apos;s group</source>
        <translation>เช่น กลุ่ม 2, กลุ่มแม่บ้าน</translation>
    </message>
    <message>
        <source>What the group asks for, in a few words</source>
        <translation>สิ่งที่กลุ่มเสนอ โดยสรุปสั้น ๆ</translation>
    </message>
    <message>
        <source>Who spoke for it (optional)</source>
        <translation>ผู้นำเสนอ (ถ้ามี)</translation>
    </message>
    <message>
        <source>Development-plan strategy</source>
        <translation>ยุทธศาสตร์ของแผนพัฒนา</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>เอาออก</translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation>บันทึกแล้วต่อไป</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>NeedPickerDialog</name>
    <message>
        <source>Make a need into a project</source>
        <translation>นำความต้องการเข้าแผนเป็นโครงการ</translation>
    </message>
    <message>
        <source>Type to narrow: need, tambon, village…</source>
        <translation>พิมพ์เพื่อค้นหา: ความต้องการ ตำบล หมู่บ้าน…</translation>
    </message>
    <message>
        <source>Make project</source>
        <translation>สร้างโครงการ</translation>
    </message>
</context>
<context>
    <name>NeedStatusDialog</name>
    <message>
        <source>Back to “{status}” (correct a mistake)</source>
        <translation>ย้อนกลับเป็น “{status}” (แก้ไขที่บันทึกผิด)</translation>
    </message>
    <message>
        <source>Change the status of a need</source>
        <translation>เปลี่ยนสถานะความต้องการ</translation>
    </message>
    <message>
        <source>“{title}” is now: {status}, since {date}.</source>
        <translation>“{title}” สถานะปัจจุบัน: {status} ตั้งแต่ {date}</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>สถานะใหม่</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>ผู้บันทึก</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>For example the plan, the budget line or the meeting that decided it (required when correcting a mistake)</source>
        <translation>เช่น แผนที่บรรจุ รายการงบประมาณ หรือการประชุมที่มีมติ (ต้องระบุเมื่อแก้ไขที่บันทึกผิด)</translation>
    </message>
</context>
<context>
    <name>NeedsModel</name>
    <message>
        <source>No.</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>ความต้องการ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวด</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>หมู่บ้าน</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Dots</source>
        <translation>โหวต</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <source>All workshops</source>
        <translation>ทุกการประชุม</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>ทุกอำเภอ</translation>
    </message>
    <message>
        <source>All tambons</source>
        <translation>ทุกตำบล</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>ทุกหมวด</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>ทุกสถานะ</translation>
    </message>
    <message>
        <source>Photo of the flipchart</source>
        <translation>รูปถ่ายฟลิปชาร์ต</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.heic *.gif)</source>
        <translation>รูปภาพ (*.jpg *.jpeg *.png *.webp *.heic *.gif)</translation>
    </message>
    <message>
        <source>Delete need</source>
        <translation>ลบความต้องการ</translation>
    </message>
    <message>
        <source>Delete “{title}”? Its status history is kept for the audit.</source>
        <translation>ลบ “{title}” หรือไม่ ประวัติสถานะจะยังเก็บไว้เพื่อการตรวจสอบ</translation>
    </message>
    <message>
        <source>Community needs</source>
        <translation>ความต้องการของชุมชน</translation>
    </message>
    <message>
        <source>Choose a workshop to rank its needs</source>
        <translation>เลือกการประชุมก่อน จึงจัดลำดับความต้องการได้</translation>
    </message>
    <message>
        <source>{total} needs</source>
        <translation>{total} รายการ</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} needs</source>
        <translation>แสดง {shown} จาก {total} รายการ</translation>
    </message>
    <message>
        <source>Record needs…</source>
        <translation>บันทึกความต้องการ…</translation>
    </message>
    <message>
        <source>Type needs one after another as the groups present them (Ctrl+N)</source>
        <translation>พิมพ์ความต้องการต่อเนื่องกันระหว่างที่แต่ละกลุ่มนำเสนอ (Ctrl+N)</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>หมวด…</translation>
    </message>
    <message>
        <source>Search title, description, group, village…</source>
        <translation>ค้นหาเรื่อง รายละเอียด กลุ่ม หมู่บ้าน…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>ล้างตัวกรอง</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>เลื่อนขึ้น</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>เลื่อนลง</translation>
    </message>
    <message>
        <source>Rank by dot votes</source>
        <translation>เรียงตามคะแนนโหวต</translation>
    </message>
    <message>
        <source>List</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Totals per district</source>
        <translation>สรุปรายอำเภอ</translation>
    </message>
    <message>
        <source>Show the needs of every workshop, or of one</source>
        <translation>แสดงความต้องการจากทุกการประชุม หรือเฉพาะการประชุมเดียว</translation>
    </message>
</context>
<context>
    <name>NeedsSummaryModel</name>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>ความต้องการ</translation>
    </message>
    <message>
        <source>Dot votes</source>
        <translation>คะแนนโหวต</translation>
    </message>
    <message>
        <source>District / tambon</source>
        <translation>อำเภอ / ตำบล</translation>
    </message>
    <message>
        <source>District / category</source>
        <translation>อำเภอ / หมวด</translation>
    </message>
    <message>
        <source>District / status</source>
        <translation>อำเภอ / สถานะ</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>รวมทุกอำเภอ</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>ไม่ระบุ</translation>
    </message>
</context>
<context>
    <name>NeedsSummaryView</name>
    <message>
        <source>Totals per district, and within each district by:</source>
        <translation>สรุปรายอำเภอ และในแต่ละอำเภอแยกตาม:</translation>
    </message>
    <message>
        <source>(district totals only)</source>
        <translation>(เฉพาะยอดรวมรายอำเภอ)</translation>
    </message>
    <message>
        <source>tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>category</source>
        <translation>หมวด</translation>
    </message>
    <message>
        <source>status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Every district is listed, with a dash where no need was recorded. The last row is the whole province (or the chosen workshop).</source>
        <translation>แสดงทุกอำเภอ อำเภอที่ไม่มีความต้องการแสดงเป็นขีด แถวสุดท้ายคือยอดรวมทั้งจังหวัด (หรือของการประชุมที่เลือก)</translation>
    </message>
</context>
<context>
    <name>OfficeDecisionBox</name>
    <message>
        <source>Files refused</source>
        <translation>ไฟล์ถูกปฏิเสธ</translation>
    </message>
    <message>
        <source>Accept a device only if it is one of the office&apos;s laptops: compare the key fingerprint shown here with the one on that laptop (Exchange page).</source>
        <translation>รับเครื่องเข้าเฉพาะเมื่อเป็นเครื่องของสำนักงานจริง: เทียบลายนิ้วมือกุญแจที่แสดงนี้กับที่แสดงบนเครื่องนั้น (หน้าแลกเปลี่ยนข้อมูล)</translation>
    </message>
    <message>
        <source>Taken in as of now, that laptop&apos;s writes count as made at this moment: nothing of it is lost, and later edits win over them. Correct that laptop&apos;s clock too.</source>
        <translation>เมื่อรับเข้าเป็นเวลาปัจจุบัน ข้อมูลของเครื่องนั้นจะนับว่าบันทึก ณ ขณะนี้ ไม่มีข้อมูลใดสูญหาย และการแก้ไขภายหลังจะชนะ กรุณาแก้นาฬิกาของเครื่องนั้นด้วย</translation>
    </message>
    <message>
        <source>This is an office decision: the office PIN is needed.</source>
        <translation>เป็นการตัดสินใจของสำนักงาน ต้องใช้รหัส PIN ของสำนักงาน</translation>
    </message>
    <message>
        <source>Take them in (office PIN)…</source>
        <translation>รับเข้า (รหัส PIN ของสำนักงาน)…</translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation>ไม่รับ</translation>
    </message>
</context>
<context>
    <name>OfficePinDialog</name>
    <message>
        <source>Office PIN</source>
        <translation>รหัส PIN ของสำนักงาน</translation>
    </message>
    <message>
        <source>This is an office-only action. Type the office PIN to go on.</source>
        <translation>งานนี้สำหรับสำนักงานเท่านั้น ใส่รหัส PIN ของสำนักงานเพื่อดำเนินการต่อ</translation>
    </message>
    <message>
        <source>Set the office PIN</source>
        <translation>ตั้งรหัส PIN ของสำนักงาน</translation>
    </message>
    <message>
        <source>No office PIN has been set on this machine yet. Office-only actions (resolving conflicts, merging people, erasing, purging, building kits) will ask for it. Choose 4–12 digits.</source>
        <translation>เครื่องนี้ยังไม่ได้ตั้งรหัส PIN ของสำนักงาน งานสำหรับสำนักงาน (แก้ข้อขัดแย้ง รวมรายชื่อซ้ำ ลบข้อมูลบุคคล ลบข้อมูลที่ครบกำหนด สร้างชุดข้อมูลตั้งต้น) จะขอรหัสนี้ ตั้งเป็นตัวเลข 4–12 หลัก</translation>
    </message>
    <message>
        <source>Type the current PIN, then the new one twice (4–12 digits).</source>
        <translation>ใส่รหัส PIN เดิม แล้วใส่รหัสใหม่สองครั้ง (ตัวเลข 4–12 หลัก)</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>รหัส PIN เดิม</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>รหัส PIN ใหม่</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>รหัส PIN ใหม่อีกครั้ง</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Wrong PIN. {n} tries left.</source>
        <translation>รหัส PIN ไม่ถูกต้อง ลองได้อีก {n} ครั้ง</translation>
    </message>
    <message>
        <source>The two new PINs differ.</source>
        <translation>รหัส PIN ใหม่ทั้งสองครั้งไม่ตรงกัน</translation>
    </message>
</context>
<context>
    <name>OfficeView</name>
    <message>
        <source>not adopted yet</source>
        <translation>ยังไม่ได้รับรอง</translation>
    </message>
    <message>
        <source>Each cell: for / against / abstain at that workshop; green where it carried, red where it did not. Hover a cell for the number present and the method.</source>
        <translation>แต่ละช่อง: เห็นด้วย / ไม่เห็นด้วย / งดออกเสียง ในการประชุมนั้น สีเขียวคือผ่าน สีแดงคือไม่ผ่าน ชี้ที่ช่องเพื่อดูจำนวนผู้เข้าประชุมและวิธีลงคะแนน</translation>
    </message>
    <message>
        <source>Adopt this amendment&apos;s text</source>
        <translation>รับรองตามคำแปรญัตตินี้</translation>
    </message>
    <message>
        <source>Adopt the clause as it stands</source>
        <translation>รับรองตามข้อความเดิม</translation>
    </message>
    <message>
        <source>Write the adopted text…</source>
        <translation>เรียบเรียงข้อความที่รับรอง…</translation>
    </message>
    <message>
        <source>Change the working text…</source>
        <translation>แก้ไขข้อความปัจจุบัน…</translation>
    </message>
    <message>
        <source>Adopt the resolution…</source>
        <translation>รับรองมติ…</translation>
    </message>
    <message>
        <source>Versions of the selected clause (✔ the adopted text)</source>
        <translation>ฉบับต่าง ๆ ของข้อที่เลือก (✔ คือข้อความที่รับรอง)</translation>
    </message>
    <message>
        <source>Consolidated text</source>
        <translation>ข้อความฉบับรวม</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Signed-in name</source>
        <translation>ชื่อผู้ใช้งาน</translation>
    </message>
    <message>
        <source>Who is working on this machine? The name is recorded with the machine and desk on every change from now on, and shown in the audit log. Leave it empty to sign out.</source>
        <translation>ใครกำลังใช้งานเครื่องนี้? ชื่อนี้จะถูกบันทึกพร้อมชื่อเครื่องและจุดลงทะเบียนในทุกการแก้ไขข้อมูลนับจากนี้ และแสดงในบันทึกการแก้ไข เว้นว่างไว้เพื่อออกจากระบบ</translation>
    </message>
    <message>
        <source>e.g. Somsri (planning division)</source>
        <translation>เช่น สมศรี ฝ่ายแผน</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
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
        <source>Development plan</source>
        <translation>แผนพัฒนา</translation>
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
    <name>PaperKeyInDialog</name>
    <message>
        <source>Key in from the paper sign-in sheet</source>
        <translation>บันทึกผู้มาประชุมจากใบลงทะเบียน</translation>
    </message>
    <message>
        <source>Type part of a name, Enter ticks the first match</source>
        <translation>พิมพ์ชื่อบางส่วน แล้วกด Enter เพื่อติ๊กรายชื่อแรกที่พบ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Keyed in by</source>
        <translation>ผู้บันทึก</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>ค้นหา</translation>
    </message>
    <message>
        <source>{ticked} of {total} present at this session</source>
        <translation>มาประชุมช่วงนี้ {ticked} จาก {total} คน</translation>
    </message>
    <message>
        <source>{name} ticked</source>
        <translation>ติ๊ก {name} แล้ว</translation>
    </message>
    <message>
        <source>{name} unticked</source>
        <translation>เอา {name} ออกแล้ว</translation>
    </message>
    <message>
        <source>{name} was checked in at the door; that stays</source>
        <translation>{name} ลงทะเบียนที่โต๊ะแล้ว ยกเลิกจากที่นี่ไม่ได้</translation>
    </message>
</context>
<context>
    <name>PaperModel</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ – สกุล</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Ticked</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>from paper</source>
        <translation>จากใบลงทะเบียน</translation>
    </message>
    <message>
        <source>at the door</source>
        <translation>ลงทะเบียนที่โต๊ะแล้ว</translation>
    </message>
</context>
<context>
    <name>PaperworkActions</name>
    <message>
        <source>Save the payment list</source>
        <translation>บันทึกบัญชีรายชื่อผู้รับเงิน</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>เอกสาร PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the sign-in sheet</source>
        <translation>บันทึกใบลงทะเบียน</translation>
    </message>
    <message>
        <source>Writing the sign-in sheet…</source>
        <translation>กำลังเขียนใบลงทะเบียน…</translation>
    </message>
    <message>
        <source>Writing the payment list…</source>
        <translation>กำลังเขียนบัญชีรายชื่อผู้รับเงิน…</translation>
    </message>
</context>
<context>
    <name>PaymentsDialog</name>
    <message>
        <source>Payment list</source>
        <translation>บัญชีรายชื่อผู้รับเงิน</translation>
    </message>
    <message>
        <source>The whole workshop (each day of attendance)</source>
        <translation>ทั้งการประชุม (จ่ายตามจำนวนวันที่มา)</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>ช่วงการประชุม:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>รูปแบบ:</translation>
    </message>
    <message>
        <source>PDF (to print and sign)</source>
        <translation>PDF (พิมพ์ให้ลงลายมือชื่อ)</translation>
    </message>
    <message>
        <source>Excel (totals as formulas)</source>
        <translation>Excel (ยอดรวมเป็นสูตร)</translation>
    </message>
    <message>
        <source>Rates per day, set by the office (baht; empty or 0: not paid)</source>
        <translation>อัตราต่อวันที่สำนักงานกำหนด (บาท; เว้นว่างหรือ 0 = ไม่เบิก)</translation>
    </message>
    <message>
        <source>Allowance</source>
        <translation>ค่าเบี้ยเลี้ยง</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>ค่าพาหนะ</translation>
    </message>
    <message>
        <source>Some rates were not saved: please correct them.</source>
        <translation>ยังไม่ได้บันทึกอัตรา: กรุณาแก้ไขช่องที่แจ้งไว้</translation>
    </message>
    <message>
        <source>Save the list…</source>
        <translation>บันทึกบัญชี…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
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
        <source>Import roster…</source>
        <translation>นำเข้ารายชื่อ…</translation>
    </message>
    <message>
        <source>Add people from the office&apos;s Excel roster, with a preview before anything is written</source>
        <translation>เพิ่มรายชื่อจากไฟล์ Excel ของสำนักงาน โดยดูตัวอย่างก่อนบันทึกข้อมูลใด ๆ</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>ข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <source>Export everything held on this person…</source>
        <translation>ส่งออกข้อมูลทั้งหมดของบุคคลนี้…</translation>
    </message>
    <message>
        <source>Erase this person…</source>
        <translation>ลบข้อมูลบุคคลนี้…</translation>
    </message>
    <message>
        <source>Show everyone, or only the people invited to or attending one workshop</source>
        <translation>แสดงทุกคน หรือเฉพาะผู้ได้รับเชิญหรือผู้เข้าร่วมของการประชุมที่เลือก</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Kept only with the person&apos;s consent (PDPA)</source>
        <translation>เก็บได้เฉพาะเมื่อเจ้าของข้อมูลให้ความยินยอม (PDPA)</translation>
    </message>
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
    <name>PersonRights</name>
    <message>
        <source>Export everything held on this person</source>
        <translation>ส่งออกข้อมูลทั้งหมดของบุคคลนี้</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>ไฟล์ JSON (*.json)</translation>
    </message>
    <message>
        <source>Everything held on this person was written to {file}: {inv} invitations, {att} attendance records, {bal} ballots, {hist} changes. Give the file only to the person it is about.</source>
        <translation>บันทึกข้อมูลทั้งหมดของบุคคลนี้ไว้ที่ {file} แล้ว: การเชิญ {inv} รายการ การลงทะเบียน {att} รายการ บัตรลงคะแนน {bal} ใบ ประวัติการแก้ไข {hist} รายการ ส่งไฟล์นี้ให้เฉพาะเจ้าของข้อมูลเท่านั้น</translation>
    </message>
    <message>
        <source>Personal data exported</source>
        <translation>ส่งออกข้อมูลส่วนบุคคลแล้ว</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>ส่งออกไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Erase this person</source>
        <translation>ลบข้อมูลบุคคลนี้</translation>
    </message>
    <message>
        <source>Purge expired personal data</source>
        <translation>ลบข้อมูลส่วนบุคคลที่ครบกำหนดเก็บ</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>New PIN</source>
        <translation>PIN ใหม่</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>PIN ทั้งสองช่องไม่ตรงกัน กรุณาพิมพ์ PIN เดียวกันสองครั้ง</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN ไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>Set the kiosk PIN</source>
        <translation>ตั้ง PIN โหมดคีออสก์</translation>
    </message>
    <message>
        <source>Kiosk mode shows only the scan result, full screen. Choose a PIN of {min}–{max} digits: it is needed to leave kiosk mode.</source>
        <translation>โหมดคีออสก์แสดงเฉพาะผลการสแกนแบบเต็มจอ ตั้ง PIN เป็นตัวเลข {min}–{max} หลัก ต้องใช้ PIN นี้เพื่อออกจากโหมดคีออสก์</translation>
    </message>
    <message>
        <source>The PIN again</source>
        <translation>PIN อีกครั้ง</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>ออกจากโหมดคีออสก์</translation>
    </message>
    <message>
        <source>Type the kiosk PIN to leave kiosk mode.</source>
        <translation>พิมพ์ PIN เพื่อออกจากโหมดคีออสก์</translation>
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
        <translation>สร้างโครงการจากความต้องการแล้ว ปรับรายละเอียดในตารางได้เลย</translation>
    </message>
    <message>
        <source>Export forms ผ.01 / ผ.02</source>
        <translation>ส่งออกแบบ ผ.01 / ผ.02</translation>
    </message>
    <message>
        <source>Writing the plan workbook…</source>
        <translation>กำลังเขียนไฟล์แผนพัฒนา…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>บันทึกแล้ว: {path}</translation>
    </message>
    <message>
        <source>Import the edited plan workbook</source>
        <translation>นำเข้าไฟล์แผนพัฒนาที่แก้ไขแล้ว</translation>
    </message>
    <message>
        <source>{n} projects updated; {c} conflicts left as they are.</source>
        <translation>ปรับปรุงแล้ว {n} โครงการ; รายการขัดแย้ง {c} รายการคงไว้ตามเดิม</translation>
    </message>
    <message>
        <source>Folder for the public follow-up pages</source>
        <translation>โฟลเดอร์สำหรับหน้าติดตามสำหรับประชาชน</translation>
    </message>
    <message>
        <source>Writing the follow-up pages…</source>
        <translation>กำลังเขียนหน้าติดตาม…</translation>
    </message>
    <message>
        <source>Development plan</source>
        <translation>แผนพัฒนาท้องถิ่น</translation>
    </message>
    <message>
        <source>Need → project (Ctrl+N)</source>
        <translation>ความต้องการ → โครงการ (Ctrl+N)</translation>
    </message>
    <message>
        <source>Plan period and edition…</source>
        <translation>ช่วงแผนและฉบับ…</translation>
    </message>
    <message>
        <source>Export ผ.01 / ผ.02 (Ctrl+E)</source>
        <translation>ส่งออกแบบ ผ.01 / ผ.02 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Import edited workbook (Ctrl+I)</source>
        <translation>นำเข้าไฟล์ที่แก้ไขแล้ว (Ctrl+I)</translation>
    </message>
    <message>
        <source>Public follow-up pages…</source>
        <translation>หน้าติดตามสำหรับประชาชน…</translation>
    </message>
</context>
<context>
    <name>PlanSettingsDialog</name>
    <message>
        <source>Development plan</source>
        <translation>แผนพัฒนาท้องถิ่น</translation>
    </message>
    <message>
        <source>First year (B.E.)</source>
        <translation>ปีเริ่มแผน (พ.ศ.)</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>จำนวนปี</translation>
    </message>
    <message>
        <source>Edition (empty: the plan itself)</source>
        <translation>ฉบับ (เว้นว่าง: แผนฉบับหลัก)</translation>
    </message>
</context>
<context>
    <name>PrivacyMenu</name>
    <message>
        <source>Signed in: {name}</source>
        <translation>ผู้ใช้งาน: {name}</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>ยังไม่มีผู้ลงชื่อเข้าใช้</translation>
    </message>
    <message>
        <source>&amp;Privacy</source>
        <translation>ข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>บันทึกการแก้ไข…</translation>
    </message>
    <message>
        <source>&amp;Signed-in name…</source>
        <translation>ชื่อผู้ใช้งาน…</translation>
    </message>
    <message>
        <source>&amp;Purge expired personal data…</source>
        <translation>ลบข้อมูลส่วนบุคคลที่ครบกำหนดเก็บ…</translation>
    </message>
    <message>
        <source>Office &amp;PIN…</source>
        <translation>รหัส PIN ของสำนักงาน…</translation>
    </message>
</context>
<context>
    <name>ProposalsModel</name>
    <message>
        <source>Strategy</source>
        <translation>ยุทธศาสตร์</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>แผนงาน</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>วัตถุประสงค์</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>หน่วยนับ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>ตัวชี้วัด (KPI)</translation>
    </message>
    <message>
        <source>Expected result</source>
        <translation>ผลลัพธ์ที่คาดว่าจะได้รับ</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>หน่วยงานรับผิดชอบหลัก</translation>
    </message>
    <message>
        <source>Source of funds</source>
        <translation>แหล่งงบประมาณ</translation>
    </message>
    <message>
        <source>From the need (who raised it, workshop)</source>
        <translation>ที่มา (ความต้องการ ผู้เสนอ เวที)</translation>
    </message>
    <message>
        <source>{year} (baht)</source>
        <translation>{year} (บาท)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>From a community plan (ผ.02/1)</source>
        <translation>จากแผนชุมชน (ผ.02/1)</translation>
    </message>
    <message>
        <source>Province strategy (ก.)</source>
        <translation>ยุทธศาสตร์จังหวัด (ก.)</translation>
    </message>
    <message>
        <source>LAO strategy in the province (ข.)</source>
        <translation>ยุทธศาสตร์ อปท. ในเขตจังหวัด (ข.)</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Purging…</source>
        <translation>กำลังลบ…</translation>
    </message>
    <message>
        <source>Purge expired personal data</source>
        <translation>ลบข้อมูลส่วนบุคคลที่ครบกำหนดเก็บ</translation>
    </message>
    <message>
        <source>Retention judged as on</source>
        <translation>พิจารณาระยะเวลาเก็บ ณ วันที่</translation>
    </message>
    <message>
        <source>Purge now</source>
        <translation>ลบเดี๋ยวนี้</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Purged the personal data of {n} people.</source>
        <translation>ลบข้อมูลส่วนบุคคลของ {n} คนแล้ว</translation>
    </message>
    <message>
        <source>Their names, organisations, positions, phone numbers, citizen IDs and notes are gone; every count stays. The next bundles take the purge to every other copy.</source>
        <translation>ชื่อ หน่วยงาน ตำแหน่ง เบอร์โทรศัพท์ เลขประจำตัวประชาชน และหมายเหตุถูกลบแล้ว ยอดรวมทุกอย่างยังคงเดิม ชุดข้อมูลที่ส่งครั้งถัดไปจะนำการลบนี้ไปยังสำเนาอื่นทุกแห่ง</translation>
    </message>
    <message>
        <source>{n} people are due: every workshop they were invited to or attended is past its retention period.</source>
        <translation>ครบกำหนดลบ {n} คน: ทุกการประชุมที่ได้รับเชิญหรือเข้าร่วมพ้นระยะเวลาเก็บรักษาแล้ว</translation>
    </message>
    <message>
        <source>{n} people keep their details (a workshop still within its period, or none set); {a} were purged or erased before.</source>
        <translation>อีก {n} คนยังเก็บข้อมูลไว้ (มีการประชุมที่ยังอยู่ในระยะเวลาเก็บ หรือไม่ได้กำหนดระยะเวลา) และ {a} คนถูกลบข้อมูลไปก่อนแล้ว</translation>
    </message>
    <message>
        <source>Names, organisations, positions, phone numbers, citizen IDs and notes are removed; people stay counted in attendance, invitations, needs and votes. This cannot be undone.</source>
        <translation>จะลบชื่อ หน่วยงาน ตำแหน่ง เบอร์โทรศัพท์ เลขประจำตัวประชาชน และหมายเหตุ โดยยังนับจำนวนในการลงทะเบียน การเชิญ ความต้องการ และการลงมติเช่นเดิม ย้อนกลับไม่ได้</translation>
    </message>
    <message>
        <source>expired {date} ({days} days)</source>
        <translation>ครบกำหนด {date} ({days} วัน)</translation>
    </message>
    <message>
        <source>…and {n} more</source>
        <translation>…และอีก {n} การประชุม</translation>
    </message>
    <message>
        <source>Expired workshops:</source>
        <translation>การประชุมที่ครบกำหนด:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>โฟลเดอร์</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>ไดรฟ์</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>มองหาใน:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>ชื่อไฟล์:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ชนิดไฟล์:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>เลือก</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>สร้างโฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>โฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>เปลี่ยนชื่อ</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>แสดงไฟล์ที่ซ่อนไว้</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>ไปข้างหน้า</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>โฟลเดอร์ระดับบน</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>สร้างโฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>แสดงเป็นรายการ</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>แสดงรายละเอียด</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>วันที่แก้ไข</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>คอมพิวเตอร์</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ไม่บันทึก</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>ไม่ใช่</translation>
    </message>
</context>
<context>
    <name>QuorumBanner</name>
    <message>
        <source>Choose the workshop where the vote is taken to see its quorum.</source>
        <translation>เลือกการประชุมที่ลงมติ เพื่อดูองค์ประชุม</translation>
    </message>
    <message>
        <source>Quorum met</source>
        <translation>ครบองค์ประชุม</translation>
    </message>
    <message>
        <source>No quorum</source>
        <translation>ไม่ครบองค์ประชุม</translation>
    </message>
    <message>
        <source>{present} checked in now of {registered} registered; {required} needed ({rule}).</source>
        <translation>ขณะนี้ลงทะเบียนเข้าประชุม {present} คน จากผู้มีรายชื่อ {registered} คน ต้องมีอย่างน้อย {required} คน ({rule})</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>All workshops</source>
        <translation>ทุกการประชุม</translation>
    </message>
    <message>
        <source>Save the Excel workbook</source>
        <translation>บันทึกไฟล์ Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the workshop summary</source>
        <translation>บันทึกสรุปผลการประชุม</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>เอกสาร PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the resolution document</source>
        <translation>บันทึกเอกสารมติ</translation>
    </message>
    <message>
        <source>Writing the Excel workbook…</source>
        <translation>กำลังเขียนไฟล์ Excel…</translation>
    </message>
    <message>
        <source>Writing the workshop summary…</source>
        <translation>กำลังเขียนสรุปผลการประชุม…</translation>
    </message>
    <message>
        <source>Writing the resolution document…</source>
        <translation>กำลังเขียนเอกสารมติ…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>กำลังหยุด…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>บันทึกแล้ว: {path}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>บันทึกไม่สำเร็จ: {reason}</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>ยกเลิกแล้ว ไม่มีการเขียนไฟล์</translation>
    </message>
    <message>
        <source>Charts of the chosen workshop</source>
        <translation>แผนภูมิของการประชุมที่เลือก</translation>
    </message>
    <message>
        <source>Charts of all workshops</source>
        <translation>แผนภูมิของทุกการประชุม</translation>
    </message>
    <message>
        <source>Choose a workshop above first</source>
        <translation>เลือกการประชุมด้านบนก่อน</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <source>&amp;Workshop:</source>
        <translation>การประชุม:</translation>
    </message>
    <message>
        <source>Thai digits in PDF documents (๐๑๒)</source>
        <translation>ใช้เลขไทยในเอกสาร PDF (๐๑๒)</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>ไฟล์ Excel</translation>
    </message>
    <message>
        <source>Attendance per workshop, a summary per district, needs, resolutions and votes, and the needs routed to the PAO plan as project rows of form ผ.02. Dates are real dates shown in the Buddhist era.</source>
        <translation>รายชื่อผู้ลงทะเบียนแต่ละการประชุม สรุปรายอำเภอ ความต้องการของชุมชน มติและผลการลงคะแนน และความต้องการที่เสนอเข้าแผนพัฒนา อบจ. ในรูปแบบ ผ.02 วันที่เป็นวันที่จริง แสดงเป็นปีพุทธศักราช</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>ส่งออก Excel…</translation>
    </message>
    <message>
        <source>Workshop summary (PDF)</source>
        <translation>สรุปผลการประชุม (PDF)</translation>
    </message>
    <message>
        <source>Attendance by participant type and district, the needs raised, and the votes, with charts. For the workshop chosen above.</source>
        <translation>ผู้เข้าร่วมจำแนกตามประเภทและอำเภอ ความต้องการที่เสนอ และผลการลงมติ พร้อมแผนภูมิ ของการประชุมที่เลือกด้านบน</translation>
    </message>
    <message>
        <source>Save summary PDF…</source>
        <translation>บันทึกสรุปเป็น PDF…</translation>
    </message>
    <message>
        <source>Resolution document (PDF)</source>
        <translation>เอกสารมติ (PDF)</translation>
    </message>
    <message>
        <source>The consolidated resolution, clause by clause, with every workshop&apos;s amendments and votes.</source>
        <translation>มติฉบับรวมทีละข้อ พร้อมคำแปรญัตติและผลการลงมติของทุกเวที</translation>
    </message>
    <message>
        <source>Save resolution PDF…</source>
        <translation>บันทึกเอกสารมติเป็น PDF…</translation>
    </message>
    <message>
        <source>Sign-in sheet and payment list</source>
        <translation>ใบลงทะเบียนและบัญชีรายชื่อผู้รับเงิน</translation>
    </message>
    <message>
        <source>The evidence for allowances, per session: the sign-in sheet to sign, and the payment list at the office&apos;s rates with amounts in Thai words.</source>
        <translation>หลักฐานการเบิกจ่ายรายช่วงการประชุม: ใบลงทะเบียนให้ผู้เข้าร่วมลงลายมือชื่อ และบัญชีรายชื่อผู้รับเงินตามอัตราของสำนักงาน พร้อมจำนวนเงินเป็นตัวอักษร</translation>
    </message>
    <message>
        <source>Sign-in sheet…</source>
        <translation>ใบลงทะเบียน…</translation>
    </message>
    <message>
        <source>Payment list…</source>
        <translation>บัญชีรายชื่อผู้รับเงิน…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิดไฟล์</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>เปิดโฟลเดอร์</translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <source>Edit the draft resolution</source>
        <translation>แก้ไขร่างมติ</translation>
    </message>
    <message>
        <source>New draft resolution</source>
        <translation>ร่างมติใหม่</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>ชื่อร่างมติ</translation>
    </message>
    <message>
        <source>Year (BE)</source>
        <translation>ปี (พ.ศ.)</translation>
    </message>
    <message>
        <source>Preamble</source>
        <translation>หลักการและเหตุผล</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
</context>
<context>
    <name>ResolutionModels</name>
    <message>
        <source>removes: {text}</source>
        <translation>ตัดออก: {text}</translation>
    </message>
    <message>
        <source>No vote recorded</source>
        <translation>ยังไม่มีการลงมติ</translation>
    </message>
    <message>
        <source>by name</source>
        <translation>ลงคะแนนรายบุคคล</translation>
    </message>
    <message>
        <source>show of hands</source>
        <translation>ยกมือ</translation>
    </message>
    <message>
        <source>carried</source>
        <translation>ผ่าน</translation>
    </message>
    <message>
        <source>not carried</source>
        <translation>ไม่ผ่าน</translation>
    </message>
    <message>
        <source>For {f}, against {a}, abstain {ab}; {present} present ({method}); {result}</source>
        <translation>เห็นด้วย {f} ไม่เห็นด้วย {a} งดออกเสียง {ab} ผู้เข้าประชุม {present} คน ({method}) {result}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>ร่างเดิม</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>สำนักงาน</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>คำแปรญัตติ</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>ข้อ</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>For</source>
        <translation>เห็นด้วย</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>ไม่เห็นด้วย</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>งดออกเสียง</translation>
    </message>
    <message>
        <source>Amendments here</source>
        <translation>คำแปรญัตติ</translation>
    </message>
    <message>
        <source>Moved by</source>
        <translation>ผู้เสนอ</translation>
    </message>
    <message>
        <source>Seconded by</source>
        <translation>ผู้รับรอง</translation>
    </message>
    <message>
        <source>Proposed text</source>
        <translation>ข้อความที่เสนอ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>For / against / abstain</source>
        <translation>ผลการลงมติ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>From</source>
        <translation>ที่มา</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ–สกุล</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน/องค์กร</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>การลงคะแนน</translation>
    </message>
    <message>
        <source>Moved by {mover}, seconded by {seconder}:
{text}</source>
        <translation>ผู้เสนอ {mover} ผู้รับรอง {seconder}:
{text}</translation>
    </message>
    <message>
        <source>{n} workshops voted</source>
        <translation>ลงมติแล้ว {n} การประชุม</translation>
    </message>
    <message>
        <source>Not adopted yet</source>
        <translation>ยังไม่ได้รับรอง</translation>
    </message>
    <message>
        <source>Clause, and the amendments to it</source>
        <translation>ข้อ และคำแปรญัตติในข้อนั้น</translation>
    </message>
    <message>
        <source>All workshops</source>
        <translation>รวมทุกการประชุม</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>ที่รับรอง</translation>
    </message>
</context>
<context>
    <name>ResolutionsPage</name>
    <message>
        <source>No draft resolution yet: make one with “New…”.</source>
        <translation>ยังไม่มีร่างมติ สร้างได้ที่ปุ่ม “ร่างใหม่…”</translation>
    </message>
    <message>
        <source>Adopted on {date}</source>
        <translation>รับรองเมื่อ {date}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>ร่าง</translation>
    </message>
    <message>
        <source>{n} clauses</source>
        <translation>{n} ข้อ</translation>
    </message>
    <message>
        <source>{n} amendments</source>
        <translation>คำแปรญัตติ {n} รายการ</translation>
    </message>
    <message>
        <source>{n} votes recorded</source>
        <translation>บันทึกการลงมติแล้ว {n} ครั้ง</translation>
    </message>
    <message>
        <source>year {year}</source>
        <translation>ปี {year}</translation>
    </message>
    <message>
        <source>Draft resolutions</source>
        <translation>ร่างมติสมัชชา</translation>
    </message>
    <message>
        <source>Vote on clause {n} as it stands</source>
        <translation>ลงมติในข้อ {n} ตามข้อความปัจจุบัน</translation>
    </message>
    <message>
        <source>Vote on the amendment to clause {n} moved by {mover}</source>
        <translation>ลงมติในคำแปรญัตติข้อ {n} ที่เสนอโดย {mover}</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>ร่างใหม่…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Add clause…</source>
        <translation>เพิ่มข้อ…</translation>
    </message>
    <message>
        <source>The draft resolution shown</source>
        <translation>ร่างมติที่แสดงอยู่</translation>
    </message>
    <message>
        <source>Deliberation at a workshop</source>
        <translation>การพิจารณาในการประชุม</translation>
    </message>
    <message>
        <source>All workshops side by side (office)</source>
        <translation>เปรียบเทียบทุกการประชุม (สำนักงาน)</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Do not invite (only add and update people)</source>
        <translation>ไม่เชิญเข้าประชุม (เพิ่มและปรับปรุงรายชื่อเท่านั้น)</translation>
    </message>
    <message>
        <source>Choose the roster workbook</source>
        <translation>เลือกไฟล์รายชื่อ (Excel)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;All files (*)</source>
        <translation>ไฟล์ Excel (*.xlsx);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Row {row} ({name}): {details}</source>
        <translation>แถว {row} ({name}): {details}</translation>
    </message>
    <message>
        <source>{n} rows in the workbook</source>
        <translation>ในไฟล์มี {n} แถว</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} rows</source>
        <translation>แสดง {shown} จาก {total} แถว</translation>
    </message>
    <message>
        <source>Reading the workbook…</source>
        <translation>กำลังอ่านไฟล์ Excel…</translation>
    </message>
    <message>
        <source>Checking every row against the people on file…</source>
        <translation>กำลังตรวจทุกแถวเทียบกับรายชื่อที่มีอยู่…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>กำลังเตรียมตัวอย่าง…</translation>
    </message>
    <message>
        <source>Importing (a backup of the data is made first)…</source>
        <translation>กำลังนำเข้า (สำรองข้อมูลไว้ก่อน)…</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, header on row {row}: {columns}.</source>
        <translation>แผ่นงาน “{sheet}” หัวตารางอยู่แถวที่ {row}: {columns}</translation>
    </message>
    <message>
        <source>Columns not used: {columns}.</source>
        <translation>คอลัมน์ที่ไม่ได้ใช้: {columns}</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>ยังไม่ได้บันทึกข้อมูลใด ๆ</translation>
    </message>
    <message>
        <source>Importing… Please wait: the window stays open until it is done.</source>
        <translation>กำลังนำเข้า… กรุณารอสักครู่ หน้าต่างนี้จะปิดได้เมื่อเสร็จแล้ว</translation>
    </message>
    <message>
        <source>Making the preview. Nothing is written yet.</source>
        <translation>กำลังจัดทำตัวอย่าง ยังไม่มีการบันทึกข้อมูล</translation>
    </message>
    <message>
        <source>The preview was cancelled. Nothing was written.</source>
        <translation>ยกเลิกการดูตัวอย่างแล้ว ไม่ได้บันทึกข้อมูลใด ๆ</translation>
    </message>
    <message>
        <source>Choose the office&apos;s Excel roster (.xlsx). You will see what the import would do with every row before anything is written.</source>
        <translation>เลือกไฟล์รายชื่อ Excel (.xlsx) ของสำนักงาน โปรแกรมจะแสดงให้ดูก่อนว่าจะทำอะไรกับแต่ละแถว โดยยังไม่บันทึกข้อมูลใด ๆ</translation>
    </message>
    <message>
        <source>Nothing to change: everyone in this workbook is already on file as it says.</source>
        <translation>ไม่มีอะไรต้องเปลี่ยนแปลง ทุกคนในไฟล์นี้มีอยู่แล้วและข้อมูลตรงกัน</translation>
    </message>
    <message>
        <source>Nothing to change: everyone in this workbook is already on file as it says, and invited to the workshop.</source>
        <translation>ไม่มีอะไรต้องเปลี่ยนแปลง ทุกคนในไฟล์นี้มีอยู่แล้ว ข้อมูลตรงกัน และได้รับเชิญเข้าประชุมแล้ว</translation>
    </message>
    <message>
        <source>Preview only — nothing has been written yet. Check the rows, then press “{button}”.</source>
        <translation>นี่เป็นเพียงตัวอย่าง ยังไม่ได้บันทึกข้อมูลใด ๆ ตรวจดูแต่ละแถวแล้วกด “{button}”</translation>
    </message>
    <message>
        <source>Rejected and duplicate rows are not imported: correct them in the workbook and import it again.</source>
        <translation>แถวที่ไม่รับและแถวที่ซ้ำจะไม่ถูกนำเข้า กรุณาแก้ไขในไฟล์ Excel แล้วนำเข้าอีกครั้ง</translation>
    </message>
    <message>
        <source>Nothing was changed: the data already held what this workbook says.</source>
        <translation>ไม่มีการเปลี่ยนแปลง ข้อมูลในเครื่องตรงกับไฟล์นี้อยู่แล้ว</translation>
    </message>
    <message>
        <source>Imported: {added} people added, {updated} updated.</source>
        <translation>นำเข้าแล้ว: เพิ่มใหม่ {added} คน ปรับปรุง {updated} คน</translation>
    </message>
    <message>
        <source>{n} newly invited to the workshop.</source>
        <translation>เชิญเข้าประชุมเพิ่ม {n} คน</translation>
    </message>
    <message>
        <source>The data had changed since the preview, so every row was checked again: the table shows what was done.</source>
        <translation>ข้อมูลมีการเปลี่ยนแปลงหลังจากดูตัวอย่าง จึงตรวจทุกแถวใหม่อีกครั้ง ตารางแสดงสิ่งที่ทำจริง</translation>
    </message>
    <message>
        <source>The data as it was before the import was backed up as {file}.</source>
        <translation>สำรองข้อมูลก่อนนำเข้าไว้ในไฟล์ {file}</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <source>Invite 1 person</source>
        <translation>เชิญเข้าประชุม 1 คน</translation>
    </message>
    <message>
        <source>Invite {n} people</source>
        <translation>เชิญเข้าประชุม {n} คน</translation>
    </message>
    <message>
        <source>Import 1 person</source>
        <translation>นำเข้า 1 คน</translation>
    </message>
    <message>
        <source>Import {n} people</source>
        <translation>นำเข้า {n} คน</translation>
    </message>
    <message>
        <source>Import people from an Excel roster</source>
        <translation>นำเข้ารายชื่อจากไฟล์ Excel</translation>
    </message>
    <message>
        <source>Workbook</source>
        <translation>ไฟล์ Excel</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>ยังไม่ได้เลือกไฟล์</translation>
    </message>
    <message>
        <source>Choose workbook…</source>
        <translation>เลือกไฟล์…</translation>
    </message>
    <message>
        <source>Invite to workshop</source>
        <translation>เชิญเข้าประชุม</translation>
    </message>
    <message>
        <source>Everyone imported, updated or already on file is invited to this workshop</source>
        <translation>ทุกคนที่นำเข้า ปรับปรุง หรือมีอยู่แล้ว จะได้รับเชิญเข้าประชุมนี้</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Search rows…</source>
        <translation>ค้นหาในตาราง…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>All rows ({n})</source>
        <translation>ทุกแถว ({n})</translation>
    </message>
    <message>
        <source>Invited: {n}</source>
        <translation>เชิญแล้ว {n} คน</translation>
    </message>
    <message>
        <source>To be invited: {n}</source>
        <translation>จะเชิญเพิ่ม {n} คน</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>นำเข้าแล้ว</translation>
    </message>
</context>
<context>
    <name>RosterImportModel</name>
    <message>
        <source>New</source>
        <translation>เพิ่มใหม่</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>ปรับปรุง</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>ไม่เปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>ซ้ำ</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>ไม่รับ</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ-สกุล</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Tambon</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ผลการตรวจ</translation>
    </message>
    <message>
        <source>Reason or change</source>
        <translation>เหตุผล / สิ่งที่เปลี่ยน</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Edit session</source>
        <translation>แก้ไขช่วงการประชุม</translation>
    </message>
    <message>
        <source>Add a session</source>
        <translation>เพิ่มช่วงการประชุม</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อช่วง</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>เวลาเริ่ม</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>เวลาสิ้นสุด</translation>
    </message>
    <message>
        <source>e.g. ภาคเช้า (empty: Session 1, 2, …)</source>
        <translation>เช่น ภาคเช้า (เว้นว่าง = ช่วงที่ 1, 2, …)</translation>
    </message>
    <message>
        <source>Leave empty: every day of the workshop</source>
        <translation>เว้นว่าง = ทุกวันของการประชุม</translation>
    </message>
</context>
<context>
    <name>SessionPicker</name>
    <message>
        <source>Chosen by hand (the clock would pick another session)</source>
        <translation>เลือกเอง (ตามเวลาจะเป็นช่วงอื่น)</translation>
    </message>
    <message>
        <source>Follows the clock: the session now</source>
        <translation>ตามเวลา: ช่วงที่กำลังประชุมอยู่</translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message>
        <source>every day of the workshop</source>
        <translation>ทุกวันของการประชุม</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>ลบช่วงการประชุม</translation>
    </message>
    <message>
        <source>Remove the session “{name}”?</source>
        <translation>ลบช่วง “{name}” หรือไม่?</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>ช่วงการประชุม</translation>
    </message>
    <message>
        <source>Sessions of {title}</source>
        <translation>ช่วงการประชุมของ {title}</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>ช่วง</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>Add session…</source>
        <translation>เพิ่มช่วง…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>SignSheetDialog</name>
    <message>
        <source>Sign-in sheet</source>
        <translation>ใบลงทะเบียน</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>ช่วงการประชุม:</translation>
    </message>
    <message>
        <source>Print the check-in times (only for a sheet kept after the session)</source>
        <translation>พิมพ์เวลามา (เฉพาะใบที่เก็บไว้หลังการประชุม)</translation>
    </message>
    <message>
        <source>Blank rows for walk-ins:</source>
        <translation>แถวว่างสำหรับผู้ลงทะเบียนเพิ่ม:</translation>
    </message>
    <message>
        <source>Save the sheet…</source>
        <translation>บันทึกใบลงทะเบียน…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>StatusHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>By, and the note</source>
        <translation>ผู้บันทึก และหมายเหตุ</translation>
    </message>
    <message>
        <source>(correction)</source>
        <translation>(แก้ไขที่บันทึกผิด)</translation>
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
    <name>VenueBar</name>
    <message>
        <source>Type an address as the other desk shows it, e.g. 192.168.1.20:45123</source>
        <translation>พิมพ์ที่อยู่ตามที่โต๊ะอื่นแสดง เช่น 192.168.1.20:45123</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>ออกจากเครือข่าย</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>เริ่ม</translation>
    </message>
    <message>
        <source>{name} uses the same desk name ({desk}) as this desk: give each desk its own</source>
        <translation>{name} ใช้ชื่อโต๊ะเดียวกับโต๊ะนี้ ({desk}) กรุณาตั้งชื่อโต๊ะให้ไม่ซ้ำกัน</translation>
    </message>
    <message>
        <source>Another desk scans this code with its badge scanner to join</source>
        <translation>ให้โต๊ะอื่นสแกนรหัสนี้ด้วยเครื่องสแกนบัตรเพื่อเข้าร่วมเครือข่าย</translation>
    </message>
    <message>
        <source>Joining the venue network…</source>
        <translation>กำลังเข้าร่วมเครือข่ายในสถานที่…</translation>
    </message>
    <message>
        <source>Not in a venue network: this desk sees only its own scans</source>
        <translation>ยังไม่ได้เข้าร่วมเครือข่ายในสถานที่: โต๊ะนี้เห็นเฉพาะการลงทะเบียนของตัวเอง</translation>
    </message>
    <message>
        <source>This desk: {address} — connected to {n} desk(s)</source>
        <translation>โต๊ะนี้: {address} — เชื่อมต่อกับ {n} โต๊ะ</translation>
    </message>
    <message>
        <source>Desk {desk} ({name})</source>
        <translation>โต๊ะ {desk} ({name})</translation>
    </message>
    <message>
        <source>{who}: away</source>
        <translation>{who}: ไม่ได้เชื่อมต่อ</translation>
    </message>
    <message>
        <source>{who}: connected, this desk is {n} change(s) behind</source>
        <translation>{who}: เชื่อมต่อแล้ว โต๊ะนี้ยังตามหลัง {n} รายการ</translation>
    </message>
    <message>
        <source>{who}: connected, {n} change(s) behind this desk</source>
        <translation>{who}: เชื่อมต่อแล้ว ตามหลังโต๊ะนี้ {n} รายการ</translation>
    </message>
    <message>
        <source>{who}: connected, up to date</source>
        <translation>{who}: เชื่อมต่อแล้ว ข้อมูลตรงกัน</translation>
    </message>
    <message>
        <source>Venue network</source>
        <translation>เครือข่ายในสถานที่</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>เข้าร่วม</translation>
    </message>
    <message>
        <source>Another desk&apos;s address (e.g. 192.168.1.20:45123)</source>
        <translation>ที่อยู่ของโต๊ะอื่น (เช่น 192.168.1.20:45123)</translation>
    </message>
    <message>
        <source>Desks at this venue share their check-ins live over the local network</source>
        <translation>โต๊ะต่าง ๆ ในสถานที่นี้แบ่งปันการลงทะเบียนกันทันทีผ่านเครือข่ายภายใน</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <source>Total {total} of the {present} people checked in</source>
        <translation>รวม {total} จากผู้ลงทะเบียนเข้าประชุม {present} คน</translation>
    </message>
    <message>
        <source>not yet voted {n}</source>
        <translation>ยังไม่ลงคะแนน {n}</translation>
    </message>
    <message>
        <source>Record without quorum</source>
        <translation>บันทึกแม้ไม่ครบองค์ประชุม</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>เสร็จ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Record the vote</source>
        <translation>บันทึกการลงมติ</translation>
    </message>
    <message>
        <source>Voting:</source>
        <translation>วิธีลงคะแนน:</translation>
    </message>
    <message>
        <source>Show of hands</source>
        <translation>ยกมือ</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>ลงคะแนนรายบุคคล</translation>
    </message>
    <message>
        <source>For</source>
        <translation>เห็นด้วย</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>ไม่เห็นด้วย</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>งดออกเสียง</translation>
    </message>
    <message>
        <source>Find a person by name or organisation…</source>
        <translation>ค้นหาชื่อหรือหน่วยงาน…</translation>
    </message>
    <message>
        <source>1 For</source>
        <translation>1 เห็นด้วย</translation>
    </message>
    <message>
        <source>2 Against</source>
        <translation>2 ไม่เห็นด้วย</translation>
    </message>
    <message>
        <source>3 Abstain</source>
        <translation>3 งดออกเสียง</translation>
    </message>
    <message>
        <source>0 Take back</source>
        <translation>0 ยกเลิก</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>WalkinDialog</name>
    <message>
        <source>already checked in {time}</source>
        <translation>ลงทะเบียนแล้ว {time} น.</translation>
    </message>
    <message>
        <source>invited</source>
        <translation>ได้รับเชิญ</translation>
    </message>
    <message>
        <source>Register a walk-in</source>
        <translation>ลงทะเบียนหน้างาน</translation>
    </message>
    <message>
        <source>Adds the person, invites them to {title} and checks them in at desk {desk}.</source>
        <translation>เพิ่มรายชื่อ เชิญเข้าร่วม {title} และลงทะเบียนที่โต๊ะ {desk} ในขั้นตอนเดียว</translation>
    </message>
    <message>
        <source>this workshop</source>
        <translation>การประชุมนี้</translation>
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
        <source>PDPA consent</source>
        <translation>ความยินยอม (PDPA)</translation>
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
        <source>Agrees</source>
        <translation>ยินยอม</translation>
    </message>
    <message>
        <source>Does not agree (the phone number is not kept)</source>
        <translation>ไม่ยินยอม (จะไม่เก็บเบอร์โทรศัพท์)</translation>
    </message>
    <message>
        <source>Already on file with this name? Check them in instead of adding them again:</source>
        <translation>มีชื่อนี้อยู่ในรายชื่อแล้วหรือไม่ ลงทะเบียนคนเดิมแทนการเพิ่มชื่อซ้ำ:</translation>
    </message>
    <message>
        <source>Check in the selected person instead</source>
        <translation>ลงทะเบียนคนที่เลือกแทน</translation>
    </message>
    <message>
        <source>Register and check in</source>
        <translation>บันทึกและลงทะเบียน</translation>
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
        <source>Sessions</source>
        <translation>ช่วงการประชุม</translation>
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
        <source>• {session}: {n} came</source>
        <translation>• {session}: มา&#xa0;{n}&#xa0;คน</translation>
    </message>
    <message>
        <source>  the day: {any} at one session at least, {every} at every one</source>
        <translation>  รวมทั้งวัน: มาอย่างน้อยหนึ่งช่วง&#xa0;{any}&#xa0;คน ครบทุกช่วง&#xa0;{every}&#xa0;คน</translation>
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
        <source>Sessions…</source>
        <translation>ช่วงการประชุม…</translation>
    </message>
    <message>
        <source>Show the people of this workshop</source>
        <translation>ดูรายชื่อผู้เข้าร่วมการประชุมนี้</translation>
    </message>
</context>
</TS>
