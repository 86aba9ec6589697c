"""Add and edit dialogs. Each saves through one core operation (one transaction) and shows the core's validation
problems next to the fields they concern, in the UI language."""
