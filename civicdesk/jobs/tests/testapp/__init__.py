"""A test-only app: tables and tasks that the background-work tests drive.

Installed by civicdesk/settings/test.py only. Its tables come from `migrate --run-syncdb` in
the test database (it has no migrations), and its tasks module holds no periodic jobs, so
nothing here fires in other suites; `periodic_jobs` is imported only where a test wants them.
"""
