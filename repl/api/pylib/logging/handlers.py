"""logging.handlers for ormsh: RotatingFileHandler (rotation by size, name.1 ... name.N) and
TimedRotatingFileHandler (accepted; it keeps writing one file), as Flask apps configure them."""

import os

from logging import FileHandler


class RotatingFileHandler(FileHandler):
    def __init__(self, filename, mode="a", maxBytes=0, backupCount=0, encoding=None,
                 delay=False, errors=None):
        if maxBytes > 0:
            mode = "a"
        FileHandler.__init__(self, filename, mode, encoding, delay)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def shouldRollover(self, record):
        if self.maxBytes <= 0:
            return False
        if not os.path.exists(self.baseFilename):
            return False
        msg = self.format(record) + self.terminator
        return os.path.getsize(self.baseFilename) + len(msg) >= self.maxBytes

    def doRollover(self):
        self.close()
        if self.backupCount > 0:
            for i in range(self.backupCount - 1, 0, -1):
                source = "%s.%d" % (self.baseFilename, i)
                target = "%s.%d" % (self.baseFilename, i + 1)
                if os.path.exists(source):
                    os.replace(source, target)
            if os.path.exists(self.baseFilename):
                os.replace(self.baseFilename, self.baseFilename + ".1")
        else:
            open(self.baseFilename, "w").close()

    def emit(self, record):
        if self.shouldRollover(record):
            self.doRollover()
        FileHandler.emit(self, record)


class TimedRotatingFileHandler(FileHandler):
    def __init__(self, filename, when="h", interval=1, backupCount=0, encoding=None,
                 delay=False, utc=False, atTime=None, errors=None):
        FileHandler.__init__(self, filename, "a", encoding, delay)
        self.when = when.upper()
        self.interval = interval
        self.backupCount = backupCount


class WatchedFileHandler(FileHandler):
    pass
