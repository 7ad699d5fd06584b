class Worker:
    def run(self):
        pass
  def stop(self):
        pass
