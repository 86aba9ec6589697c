"""Personal data handled to Thailand's PDPA (issue #8), Qt-free.

- :mod:`.fields`: which person fields are personal, which only with consent, the placeholders left after forgetting;
- :mod:`.notice`: THE short privacy notice (Thai, English) the walk-in form and the sign-in sheet print;
- :mod:`.consent`: a person without consent keeps only what attendance needs (enforced by ``ops.people``);
- :mod:`.forget`: forgetting a person's values everywhere this folder holds them (rows, change log, conflicts), and
  the hook a bundle import calls so a received erasure or purge is forgotten here too;
- :mod:`.retention`: purge of people whose every workshop's retention period has passed;
- :mod:`.rights`: rights requests: everything held on one person (export) and erasure;
- :mod:`.pin`: the office PIN guarding office-only actions; :mod:`.operator`: the signed-in name written on changes.
"""
