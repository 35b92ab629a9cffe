"""The operator's room: the one command line (`python -m ops`), the launcher that starts and
supervises the processes, the local proxy in front of Rasa replicas, and the retention purge.

The top floor: it may import every other package of ours, and none of them imports it.
"""
