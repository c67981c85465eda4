"""Engines that run the batch-local maps somewhere else than the local process pool.

`ray`: `qatool run --engine ray` on Ray Data (the optional extra `qatool[ray]`); imported only when asked
for, so the local engine never imports Ray.
"""
