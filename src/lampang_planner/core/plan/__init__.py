"""The local development plan: community needs turned into project proposals, the plan's period and edition, the
regulation's forms ผ.01 / ผ.02 / ผ.02/1 as a workbook, the workbook's round trip back in, and the public follow-up.

Source of the forms' layout: ระเบียบกระทรวงมหาดไทย ว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548
แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2559 และ (ฉบับที่ 3) พ.ศ. 2561, with the forms the Department of Local Administration
sent with it (หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท 0810.3/ว 0600 ลงวันที่ 29 มกราคม 2559, re-issued for the
five-year plan with ที่ มท 0810.3/ว 2931 ลงวันที่ 15 พฤศจิกายน 2562 and amended by ที่ มท 0810.3/ว 7509 ลงวันที่
7 ตุลาคม 2565). The forms as published in local plans, e.g. the 2566–2570 plan of อบต.ตำหรุ
(http://www.tamru.go.th/site/index.php?option=com_content&view=article&id=1002:04-2566&catid=106:ita-&Itemid=178)
and the regulation list of อบต.หนองปลาไหล (http://www.nongplalai.go.th/) — see README "Development plan forms":

- แบบ ผ.01 บัญชีสรุปโครงการพัฒนา: per strategy (and แผนงาน), per plan year the number of projects and the budget,
  then the plan's total;
- แบบ ผ.02 รายละเอียดโครงการพัฒนา: title block (form number top right; รายละเอียดโครงการพัฒนา; แผนพัฒนาท้องถิ่น
  (พ.ศ. …) [เพิ่มเติม/เปลี่ยนแปลง ครั้งที่ …]; the organisation), the lines ก. ยุทธศาสตร์จังหวัดที่ … / ข. ยุทธศาสตร์
  การพัฒนาของ อปท. ในเขตจังหวัดที่ … / 1. ยุทธศาสตร์ … / 1.1 แผนงาน …, then the columns ที่ | โครงการ | วัตถุประสงค์ |
  เป้าหมาย (ผลผลิตของโครงการ) | งบประมาณ per year (บาท) | ตัวชี้วัด (KPI) | ผลลัพธ์ที่คาดว่าจะได้รับ |
  หน่วยงานรับผิดชอบหลัก, a รวม line per แผนงาน;
- แบบ ผ.02/1: the same columns, for projects brought in from village and community plans
  (สำหรับโครงการพัฒนาที่นำมาจากแผนพัฒนาหมู่บ้านและแผนชุมชน).
"""
