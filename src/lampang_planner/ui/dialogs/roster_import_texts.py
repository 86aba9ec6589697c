"""What the roster import dialog says: the step under way, the header it found, the message under the choices, the
result, the import button's text (strings keep the RosterImportDialog translation context, written out in each call:
lupdate reads only a literal context, and drops from the catalogue what it cannot see)."""

from __future__ import annotations

from lampang_planner.core.roster.headers import LABELS
from lampang_planner.core.roster.importer import ADD, DUPLICATE, REJECTED, UPDATE, RosterPlan
from lampang_planner.ui.i18n import current_language, translate
from lampang_planner.ui.tasks import error_text

# Steps the work functions report (the dialog turns them into text in the window's language).
READ, PLAN, ROWS, APPLY = "read", "plan", "rows", "apply"


class RosterImportTexts:
    """Mixed into RosterImportDialog: reads its ``plan``, ``result``, ``error`` and running state."""

    def _step_text(self, step: str) -> str:
        return {
            READ: translate("RosterImportDialog", "Reading the workbook…"),
            PLAN: translate("RosterImportDialog", "Checking every row against the people on file…"),
            ROWS: translate("RosterImportDialog", "Preparing the preview…"),
            APPLY: translate("RosterImportDialog", "Importing (a backup of the data is made first)…"),
        }.get(step, "")

    def _header_text(self, plan: RosterPlan) -> str:
        index = 1 if current_language() == "en" else 0
        parts = []
        for h in plan.source.headers:
            info = h.as_json()
            columns = ", ".join(f"{letter} → {LABELS.get(key, (key, key))[index]}"
                                for key, letter in info["columns"].items() if key in LABELS)
            text = translate("RosterImportDialog", "Sheet “{sheet}”, header on row {row}: {columns}.").format(
                sheet=h.sheet, row=h.row, columns=columns)
            if info["ignored"]:
                ignored = ", ".join(f"{i['column']} “{i['header']}”" for i in info["ignored"])
                text += " " + translate("RosterImportDialog", "Columns not used: {columns}.").format(columns=ignored)
            parts.append(text)
        return "\n".join(parts)

    def _message_text(self) -> tuple[str, bool]:
        """The line under the choices, and whether it is an error."""
        if self.error is not None:
            return error_text(self.error) + "\n" + translate("RosterImportDialog", "Nothing was written."), True
        if self._applying:
            return translate("RosterImportDialog", "Importing… Please wait: the window stays open until it is done."), False
        if self.busy:
            return translate("RosterImportDialog", "Making the preview. Nothing is written yet."), False
        if self._cancelled_note:
            return translate("RosterImportDialog", "The preview was cancelled. Nothing was written."), False
        if self.result is not None:
            return self._result_text(self.result), False
        plan = self.plan
        if plan is None:
            return translate("RosterImportDialog", "Choose the office's Excel roster (.xlsx). You will see what the import would do with "
                           "every row before anything is written."), False
        c = plan.counts()
        if not plan.has_writes:
            text = translate("RosterImportDialog", "Nothing to change: everyone in this workbook is already on file as it says.")
            if plan.workshop_id:
                text = translate("RosterImportDialog", "Nothing to change: everyone in this workbook is already on file as it says, and "
                               "invited to the workshop.")
        else:
            text = translate("RosterImportDialog", "Preview only — nothing has been written yet. Check the rows, then press “{button}”.") \
                .format(button=self._apply_text(plan))
        if c[REJECTED] or c[DUPLICATE]:
            text += " " + translate("RosterImportDialog", "Rejected and duplicate rows are not imported: correct them in the workbook and "
                                  "import it again.")
        return text, False

    def _result_text(self, result: RosterPlan) -> str:
        c = result.counts()
        if not result.has_writes:
            return translate("RosterImportDialog", "Nothing was changed: the data already held what this workbook says.")
        text = translate("RosterImportDialog", "Imported: {added} people added, {updated} updated.").format(added=c[ADD], updated=c[UPDATE])
        if result.workshop_id:
            text += " " + translate("RosterImportDialog", "{n} newly invited to the workshop.").format(n=c["invited"])
        if self.plan is not None and result.basis != self.plan.basis:
            text += " " + translate("RosterImportDialog", "The data had changed since the preview, so every row was checked again: the table "
                                  "shows what was done.")
        if result.backup:
            text += " " + translate("RosterImportDialog", "The data as it was before the import was backed up as {file}.").format(
                file=result.backup.name)
        return text

    def _apply_text(self, plan: RosterPlan | None) -> str:
        if plan is None:
            return translate("RosterImportDialog", "Import")
        c = plan.counts()
        n = c[ADD] + c[UPDATE]
        if n == 0 and c["invited"]:
            if c["invited"] == 1:
                return translate("RosterImportDialog", "Invite 1 person")
            return translate("RosterImportDialog", "Invite {n} people").format(n=f"{c['invited']:,}")
        if n == 1:
            return translate("RosterImportDialog", "Import 1 person")
        return translate("RosterImportDialog", "Import {n} people").format(n=f"{n:,}")
