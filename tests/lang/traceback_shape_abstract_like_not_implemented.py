class Base:
    def run(self):
        raise NotImplementedError

class Impl(Base):
    pass

Impl().run()
