"""Mailing at scale: each variant rendered once, per-person copies by substitution, the manifest, sending, clusters.

A variant is (kind, locale, channel): the individual letter in en_US, the next-of-kin letter in es_US, the
individual email in en_US, ... Each is built, checked and written once with its Field markers
(``variants``); a person's copy is that variant with the person's values substituted (``fill``), so a
roster of any size costs one build and one check per variant. ``routes`` decides who gets which copy
(164.404(d)(1)); ``run`` writes the copies with a manifest (``manifest``) and resumes a killed run;
``package`` writes the vendor package and print files; ``send`` delivers the emails; ``cluster`` runs
roster partitions on Dask.

    routes.py    who gets which variant, and the merge values; an unfilled field is that person's error
    zipwrite.py  a small deterministic zip writer over parts deflated once
    variants.py  LetterVariant / EmailVariant: one render, per-person substitution
    prepare.py   the variants built and checked in a child process (the mailing process stays small)
    manifest.py  the SQLite record of every copy: id, route, variant, path, SHA-256, sent
    run.py       the mailing run: workers, resume, progress
    package.py   the print vendor's package and the in-house print file
    send.py      SMTP delivery of the emails, recorded in the manifest
    cluster.py   roster partitions as Dask tasks, manifests merged
"""
