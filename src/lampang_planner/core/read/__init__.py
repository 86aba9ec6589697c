"""The core's read layer: the one definition of each question several screens ask ("who is on this workshop's
roster", "who is present", "the live person a merged-away record now is"). Desk counts, quorum, the People page,
reports and exports all read through here, so they cannot disagree."""
